import SallaGenKit
import SwiftShaping
import XCTest

/// Templates read the render model through `TemplateValue` dictionaries; every stored property
/// must be there, or a custom template would silently miss it.
final class TemplateValueTests: XCTestCase {
    func testEveryStoredPropertyReachesTheTemplates() throws {
        let output = Generator.generate(.init(inputs: [packageRoot.appendingPathComponent("specs/customers.yaml").path]))
        let model = try XCTUnwrap(output.model)
        var checked = Set<String>()
        assertComplete(model, model.templateValue, path: "RenderModel", checked: &checked)
        for name in ["RenderModel", "TypeDecl", "StructDecl", "PropertyDecl", "EnumDecl", "EnumCaseDecl", "NamespaceDecl",
                     "OperationDecl", "ParameterDecl", "QueryItemDecl", "MultipartFieldDecl", "ValidationDecl", "ValidationRule"] {
            XCTAssertTrue(checked.contains(name), "the customers spec exercised no \(name)")
        }
    }

    private func assertComplete(_ value: Any, _ values: [String: Any], path: String, checked: inout Set<String>) {
        checked.insert(String(describing: type(of: value)))
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let childMirror = Mirror(reflecting: child.value)
            if childMirror.displayStyle == .optional, childMirror.children.isEmpty { continue }
            guard let templateChild = values[label] else {
                XCTFail("\(path).\(label) is not given to templates")
                continue
            }
            if let items = child.value as? [any TemplateValue], let rendered = templateChild as? [[String: Any]] {
                XCTAssertEqual(items.count, rendered.count, "\(path).\(label)")
                for (item, itemValues) in zip(items, rendered) {
                    assertComplete(item, itemValues, path: "\(path).\(label)[]", checked: &checked)
                }
            }
        }
    }
}

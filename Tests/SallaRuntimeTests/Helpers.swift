import Foundation

func json(_ text: String) -> Data { Data(text.utf8) }

func text(_ data: Data?) -> String? { data.map { String(decoding: $0, as: UTF8.self) } }

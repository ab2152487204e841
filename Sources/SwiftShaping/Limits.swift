/// Where the Swift compiler, not sallagen, sets the bounds: past these, generated code would
/// take the compiler minutes to hours, so a spec that goes further gets a located error instead.
public enum Limits {
    /// Inline objects inside inline objects: each level is a nested struct. The Salla docs nest 6 deep.
    public static let nestingDepth = 16
    /// Values of one enum. Past `enumSwitchCases` an enum reads its values from a table instead of
    /// switching over them; the Salla docs list at most 19.
    public static let enumCases = 10_000
    public static let enumSwitchCases = 64
}

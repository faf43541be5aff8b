import Foundation

/// Validates JSON files against one of the project's JSON Schemas with Python's
/// `jsonschema` (Draft 2020-12, formats checked, the schema itself checked first).
public enum JSONSchemaCheck {
    private static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        failed = 0
        for name in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(name))):
                failed += 1
                print(name, error.json_path, error.message)
        sys.exit(1 if failed else 0)
        """

    /// Checks `files` against `schemas/<schema>`; status 0 when every file is valid, 1 with
    /// each error printed otherwise.
    public static func run(schema: String, files: [String]) throws -> ExternalTool.Output {
        try ExternalTool.run("python3", ["-c", script, Fixtures.root.appendingPathComponent("schemas/\(schema)").path] + files)
    }
}

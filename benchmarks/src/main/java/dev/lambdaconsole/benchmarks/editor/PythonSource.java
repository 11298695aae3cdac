package dev.lambdaconsole.benchmarks.editor;

/** A deterministic, realistic-looking Python module of a given length. */
final class PythonSource {

    private static final String[] BLOCK = {
        "class Handler{n}(BaseHandler):",
        "    \"\"\"Handles events of kind {n}.",
        "",
        "    Multi-line docstring so the lexer carries state across lines.",
        "    \"\"\"",
        "",
        "    retries = {n} % 5  # how often to retry",
        "",
        "    @staticmethod",
        "    def handle(event, context):",
        "        items = [x * 2 for x in range(10) if x % 3 == 0]",
        "        name = event.get('name', \"anonymous\")",
        "        if not items or name is None:",
        "            raise ValueError(f\"bad event {{name}}: {{len(items)}}\")",
        "        total = sum(items) + 0x1F + 3.14e-2",
        "        return {'statusCode': 200, 'body': str(total)}",
        "",
    };

    private PythonSource() {
    }

    static String generate(int lines) {
        StringBuilder out = new StringBuilder(lines * 40);
        out.append("import json\nimport os\n");
        int written = 2;
        for (int n = 0; written < lines; n++) {
            for (String line : BLOCK) {
                if (written == lines) {
                    break;
                }
                out.append(line.replace("{n}", Integer.toString(n)).replace("{{", "{").replace("}}", "}"));
                written++;
                if (written < lines) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}

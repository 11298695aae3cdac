package dev.lambdaconsole.app.config;

/** A whole number typed into a field, or the reason it is not one. */
record WholeNumber(Integer value, String problem) {
    /** Blank text is "required" unless {@code optional}, then it is no value and no problem. */
    static WholeNumber parse(String text, boolean optional) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return new WholeNumber(null, optional ? "" : "is required");
        try {
            return new WholeNumber(Integer.valueOf(t), "");
        } catch (NumberFormatException e) {
            return new WholeNumber(null, t.matches("-?\\d+") ? "is too large" : "must be a whole number");
        }
    }

    boolean ok() { return problem.isEmpty(); }
}

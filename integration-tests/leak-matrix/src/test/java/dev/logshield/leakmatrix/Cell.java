package dev.logshield.leakmatrix;

/**
 * One cell of the matrix: a secret of one kind in one part of one event, with a benign marker beside it
 * ({@code benign-<part>-<kind>}) that every sink must write, as it is not secret.
 */
record Cell(EventPart part, SecretKind kind, SecretKind.Secret secret) {

    String benign() {
        return "benign-" + part.id + "-" + kind.id;
    }

    @Override
    public String toString() {
        return part + " x " + kind;
    }
}

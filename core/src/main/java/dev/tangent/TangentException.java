package dev.tangent;

/** A numerical failure (non-SPD matrix, LAPACK error, non-finite residual), as opposed to bad input. */
public class TangentException extends RuntimeException {
    public TangentException(String message) {
        super(message);
    }
}

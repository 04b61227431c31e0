package dev.tangent.pde.expr;

import java.util.ArrayList;
import java.util.List;

/** One token of the PDE text form: its kind (num, id, an operator character, end), text and 0-based position. */
record Token(String kind, String text, int at) {
    /** The tokens of s, ending with an "end" token; a malformed number or an unexpected character is an error. */
    static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) j++;
                if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
                    if (k < s.length() && Character.isDigit(s.charAt(k))) {
                        j = k;
                        while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                    }
                }
                String num = s.substring(i, j);
                double value;
                try {
                    value = Double.parseDouble(num);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("in '" + ExprParser.abbreviate(s) + "' at position " + (i + 1) + ": malformed number '" + num + "'");
                }
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("in '" + ExprParser.abbreviate(s) + "' at position " + (i + 1) + ": the number " + num
                            + " is beyond the double range (about 1.8e308)");
                }
                out.add(new Token("num", num, i));
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(new Token("id", s.substring(i, j), i));
                i = j;
            } else if (c == '*' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                out.add(new Token("^", "**", i));
                i += 2;
            } else if ("+-*/^()=".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), String.valueOf(c), i));
                i++;
            } else {
                throw new IllegalArgumentException("in '" + ExprParser.abbreviate(s) + "' at position " + (i + 1) + ": unexpected character '"
                        + (Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c)) + "'");
            }
        }
        out.add(new Token("end", "end of input", s.length()));
        return out;
    }
}

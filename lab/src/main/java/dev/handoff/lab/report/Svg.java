package dev.handoff.lab.report;

import java.util.Locale;

/** A tiny inline-SVG writer; numbers are formatted with one decimal in the root locale, so output is stable. */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
            .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
    }

    /** Defines the arrow head that {@code .msg} lines end with. */
    Svg arrowMarker() {
        out.append("<defs><marker id=\"arrow\" markerWidth=\"6\" markerHeight=\"6\" refX=\"6\" refY=\"3\" "
            + "orient=\"auto\"><path d=\"M0,0 L6,3 L0,6 z\"/></marker></defs>\n");
        return this;
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String title) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
            .append(num(Math.max(w, 0.5))).append("\" height=\"").append(num(h)).append("\" class=\"")
            .append(cssClass).append('"');
        if (title == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(escape(title)).append("</title></rect>\n");
        }
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
            .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" class=\"").append(cssClass)
            .append("\"/>\n");
        return this;
    }

    Svg text(double x, double y, String text, String cssClass) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" class=\"")
            .append(cssClass).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String cssClass) {
        out.append("<polyline class=\"").append(cssClass).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        out.append("\"/>\n");
        return this;
    }

    String close() {
        return out.append("</svg>\n").toString();
    }
}

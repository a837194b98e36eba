package io.stackadvisor.ui;

import java.util.List;
import java.util.Locale;

/**
 * Small server-rendered SVG charts (no script, no external resources). Every chart is an image with a
 * title and a description for screen readers; every bar carries its own title (a tooltip) with its
 * number. The pages show the same numbers as a table too.
 */
final class SvgCharts {
    /** One coloured part of a bar. */
    record Segment(String label, long value, String colour) {
    }

    /** One bar: a label and its parts (one part for a simple bar). */
    record Bar(String label, List<Segment> segments) {
        long total() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    /** A legend entry. */
    record Key(String label, String colour) {
    }

    private static final int WIDTH = 720;

    private SvgCharts() {
    }

    /** Vertical stacked bars (one per day, say), with a legend, the largest total on the scale, every n-th bar labelled from the last. */
    static String columns(String id, String title, String description, List<Bar> bars, List<Key> legend, int labelEvery) {
        int top = 30, plot = 180, bottom = 40, left = 40;
        int height = top + plot + bottom;
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(0));
        double slot = (WIDTH - left - 10) / (double) Math.max(1, bars.size());
        double barWidth = Math.max(2, slot * 0.75);
        StringBuilder svg = open(id, title, description, height);
        legend(svg, legend, left, 16);
        svg.append(line(left, top + plot, WIDTH - 10, top + plot));
        svg.append(text(left - 6, top + 4, "end", String.valueOf(max)));
        svg.append(text(left - 6, top + plot, "end", "0"));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = left + i * slot + (slot - barWidth) / 2;
            double y = top + plot;
            for (Segment s : bar.segments()) {
                if (s.value() == 0) continue;
                double h = plot * s.value() / (double) max;
                y -= h;
                svg.append(rect(x, y, barWidth, h, s.colour(), bar.label() + ": " + s.value() + " " + s.label()));
            }
            if ((bars.size() - 1 - i) % labelEvery == 0) {
                svg.append(text(x + barWidth / 2, top + plot + 16, "middle", bar.label()));
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal bars, each with its label above it. {@code shares}: every bar is as wide as the chart
     * and its parts are shares of its total (a mix); otherwise bars are scaled to the largest total.
     */
    static String rows(String id, String title, String description, List<Bar> bars, List<Key> legend, boolean shares) {
        int top = legend.isEmpty() ? 10 : 34, rowHeight = 44, left = 10, right = 90;
        int height = top + Math.max(1, bars.size()) * rowHeight + 6;
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(0));
        int plot = WIDTH - left - right;
        StringBuilder svg = open(id, title, description, height);
        legend(svg, legend, left, 16);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = top + i * rowHeight;
            svg.append(text(left, y + 13, "start", bar.label()));
            long total = bar.total();
            double x = left;
            for (Segment s : bar.segments()) {
                if (s.value() == 0) continue;
                double w = plot * s.value() / (double) (shares ? Math.max(1, total) : max);
                String what = shares ? s.value() + " " + s.label() + " (" + percent(s.value(), total) + ")"
                        : s.value() + " " + s.label();
                svg.append(rect(x, y + 18, w, 18, s.colour(), bar.label() + ": " + what));
                x += w;
            }
            svg.append(text(x + 6, y + 32, "start", total == 0 ? "none" : String.valueOf(total)));
        }
        return svg.append("</svg>").toString();
    }

    static String percent(long part, long total) {
        return total == 0 ? "0%" : Math.round(100.0 * part / total) + "%";
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" id=\"")
                .append(escape(id)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"").append(escape(id))
                .append("-title ").append(escape(id)).append("-desc\"><title id=\"").append(escape(id)).append("-title\">")
                .append(escape(title)).append("</title><desc id=\"").append(escape(id)).append("-desc\">")
                .append(escape(description)).append("</desc>");
    }

    private static void legend(StringBuilder svg, List<Key> legend, int x, int y) {
        double at = x;
        for (Key key : legend) {
            svg.append("<rect x=\"").append(num(at)).append("\" y=\"").append(y - 10).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(key.colour()).append("\"/>");
            svg.append(text(at + 16, y, "start", key.label()));
            at += 28 + key.label().length() * 7.5;
        }
    }

    private static String rect(double x, double y, double w, double h, String colour, String tooltip) {
        return "<rect class=\"bar\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\" fill=\"" + colour + "\"><title>" + escape(tooltip) + "</title></rect>";
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"#9aa3b2\"/>";
    }

    private static String text(double x, double y, String anchor, String text) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"12\" fill=\"#1d2330\">" + escape(text) + "</text>";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

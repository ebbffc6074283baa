// SVG charts for reports.

#include "ecosol/report/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "ecosol/base/xml.h"

namespace ecosol::report {
namespace {

constexpr char kFont[] = "font-family=\"DejaVu Sans, sans-serif\"";

std::string Num(double v) { return fmt::format("{:.1f}", v); }

// A value as written on a chart: whole numbers without decimals, others with one.
std::string Label(double v) {
  if (std::abs(v - std::round(v)) < 1e-9) return fmt::format("{:.0f}", v);
  return fmt::format("{:.1f}", v);
}

std::string Open(double width, double height) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(width) + "\" height=\"" +
         Num(height) + "\" viewBox=\"0 0 " + Num(width) + " " + Num(height) + "\">\n" +
         "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
}

std::string Text(double x, double y, std::string_view text, double size,
                 std::string_view anchor = "start", std::string_view fill = "#222222") {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" " + kFont + " font-size=\"" + Num(size) +
         "\" text-anchor=\"" + std::string(anchor) + "\" fill=\"" + std::string(fill) + "\">" +
         EscapeXml(text) + "</text>\n";
}

std::string Line(double x1, double y1, double x2, double y2, std::string_view stroke, double width,
                 std::string_view extra = "") {
  return "<line x1=\"" + Num(x1) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) + "\" y2=\"" +
         Num(y2) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + Num(width) + "\"" +
         std::string(extra) + "/>\n";
}

Figure Finish(std::string svg, double width, double height, const std::string& caption,
              const std::string& alt) {
  svg += "</svg>";
  return Figure{std::move(svg), width, height, caption, alt};
}

// A legend row from (x, y): a swatch and a label per entry, wrapping at `width`.
std::string LegendRow(const Legend& legend, double x, double y, double width) {
  std::string out;
  double cx = x, cy = y;
  for (size_t i = 0; i < legend.size(); ++i) {
    const double entry = 18 + 6.2 * static_cast<double>(legend[i].second.size()) + 12;
    if (cx + entry > x + width && cx > x) {
      cx = x;
      cy += 16;
    }
    out += "<rect x=\"" + Num(cx) + "\" y=\"" + Num(cy - 9) +
           "\" width=\"10\" height=\"10\" fill=\"" + PaletteColour(i) + "\"/>\n";
    out += Text(cx + 14, cy, legend[i].second, 10);
    cx += entry;
  }
  return out;
}

double LegendHeight(const Legend& legend, double width) {
  double cx = 0;
  int rows = legend.empty() ? 0 : 1;
  for (const auto& entry : legend) {
    const double w = 18 + 6.2 * static_cast<double>(entry.second.size()) + 12;
    if (cx + w > width && cx > 0) {
      cx = 0;
      ++rows;
    }
    cx += w;
  }
  return 16.0 * rows;
}

size_t ColourIndex(const Legend& legend, const std::string& group) {
  for (size_t i = 0; i < legend.size(); ++i) {
    if (legend[i].first == group) return i;
  }
  return legend.size();
}

// A round step for about `ticks` ticks from 0 to `max` (1, 2 or 5 times a power of ten).
double NiceStep(double max, int ticks) {
  if (!(max > 0)) return 1;
  const double raw = max / ticks;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

}  // namespace

std::string PaletteColour(size_t i) {
  static const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                         "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  return kPalette[i % 10];
}

Figure BarChart(const std::vector<Bar>& bars, double max, std::optional<double> threshold,
                const std::string& caption, const std::string& alt) {
  const double width = 640, label_width = 210, bar_height = 18, gap = 8, top = 10;
  const double plot = width - label_width - 60;
  const double height = top + static_cast<double>(bars.size()) * (bar_height + gap) + 24;
  if (!(max > 0)) max = 1;
  std::string svg = Open(width, height);
  for (size_t i = 0; i < bars.size(); ++i) {
    const double y = top + static_cast<double>(i) * (bar_height + gap);
    const double v = std::isnan(bars[i].value) ? 0 : std::clamp(bars[i].value, 0.0, max);
    svg += Text(label_width - 8, y + 13, bars[i].label, 11, "end");
    svg += "<rect x=\"" + Num(label_width) + "\" y=\"" + Num(y) + "\" width=\"" + Num(plot) +
           "\" height=\"" + Num(bar_height) + "\" fill=\"#eeeeee\"/>\n";
    svg += "<rect x=\"" + Num(label_width) + "\" y=\"" + Num(y) + "\" width=\"" +
           Num(plot * v / max) + "\" height=\"" + Num(bar_height) + "\" fill=\"" +
           PaletteColour(0) + "\"/>\n";
    svg += Text(label_width + plot + 6, y + 13,
                std::isnan(bars[i].value) ? "–" : Label(bars[i].value), 11);
  }
  const double axis_y = top + static_cast<double>(bars.size()) * (bar_height + gap);
  svg += Text(label_width, axis_y + 12, "0", 9, "middle", "#555555");
  svg += Text(label_width + plot, axis_y + 12, Label(max), 9, "middle", "#555555");
  if (threshold && *threshold >= 0 && *threshold <= max) {
    const double x = label_width + plot * *threshold / max;
    svg += Line(x, top - 4, x, axis_y, "#333333", 1, " stroke-dasharray=\"4 3\"");
    svg += Text(x, axis_y + 12, Label(*threshold), 9, "middle", "#333333");
  }
  return Finish(std::move(svg), width, height, caption, alt);
}

Figure LineChart(const std::vector<int>& years, const std::vector<Series>& series,
                 const std::string& caption, const std::string& alt) {
  const double width = 640, left = 50, right = 20, top = 14, plot_height = 220;
  Legend legend;
  for (const Series& s : series) legend.emplace_back(s.name, s.name);
  const double legend_height = LegendHeight(legend, width - left - right);
  const double height = top + plot_height + 30 + legend_height + 6;
  double max = 0;
  for (const Series& s : series) {
    for (double v : s.values) {
      if (!std::isnan(v)) max = std::max(max, v);
    }
  }
  const double step = NiceStep(max, 5);
  const double top_value = std::max(step, std::ceil(max / step) * step);
  const double plot_width = width - left - right;
  const size_t n = years.size();
  auto x_of = [&](size_t i) {
    return n < 2 ? left + plot_width / 2
                 : left + plot_width * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  auto y_of = [&](double v) { return top + plot_height * (1 - v / top_value); };
  std::string svg = Open(width, height);
  for (double v = 0; v <= top_value + step / 2; v += step) {
    svg += Line(left, y_of(v), left + plot_width, y_of(v), "#e0e0e0", 1);
    svg += Text(left - 6, y_of(v) + 3, Label(v), 9, "end", "#555555");
  }
  // Year labels: at most about 12, evenly spaced.
  const size_t every = std::max<size_t>(1, (n + 11) / 12);
  for (size_t i = 0; i < n; i += every) {
    svg += Text(x_of(i), top + plot_height + 14, std::to_string(years[i]), 9, "middle", "#555555");
  }
  for (size_t s = 0; s < series.size(); ++s) {
    std::string path;
    bool pen_down = false;
    for (size_t i = 0; i < n && i < series[s].values.size(); ++i) {
      const double v = series[s].values[i];
      if (std::isnan(v)) {
        pen_down = false;
        continue;
      }
      path += (pen_down ? " L" : " M") + Num(x_of(i)) + " " + Num(y_of(v));
      pen_down = true;
      if (n < 40) {
        svg += "<circle cx=\"" + Num(x_of(i)) + "\" cy=\"" + Num(y_of(v)) + "\" r=\"2.5\" fill=\"" +
               PaletteColour(s) + "\"/>\n";
      }
    }
    if (!path.empty()) {
      svg += "<path d=\"" + path.substr(1) + "\" fill=\"none\" stroke=\"" + PaletteColour(s) +
             "\" stroke-width=\"2\"/>\n";
    }
  }
  svg += LegendRow(legend, left, top + plot_height + 34, plot_width);
  return Finish(std::move(svg), width, height, caption, alt);
}

Figure MapChart(const std::vector<MapPoint>& points, const Legend& legend,
                const std::string& caption, const std::string& alt) {
  const double width = 640, pad = 12;
  double min_lon = 180, max_lon = -180, min_lat = 90, max_lat = -90;
  for (const MapPoint& p : points) {
    min_lon = std::min(min_lon, p.lon);
    max_lon = std::max(max_lon, p.lon);
    min_lat = std::min(min_lat, p.lat);
    max_lat = std::max(max_lat, p.lat);
  }
  if (points.empty()) min_lon = max_lon = min_lat = max_lat = 0;
  // At least about 0.1 degree each way, so one point or a town is not blown up.
  const double mid_lat = (min_lat + max_lat) / 2;
  const double kx = std::cos(mid_lat * M_PI / 180);
  const double span_x = std::max((max_lon - min_lon) * kx, 0.1);
  const double span_y = std::max(max_lat - min_lat, 0.1);
  const double plot_width = width - 2 * pad;
  const double plot_height = std::clamp(plot_width * span_y / span_x, 160.0, 600.0);
  const double scale = std::min(plot_width / span_x, plot_height / span_y);
  const double cx = (min_lon + max_lon) / 2 * kx, cy = (min_lat + max_lat) / 2;
  const double legend_height = LegendHeight(legend, plot_width);
  const double height = plot_height + 2 * pad + 18 + legend_height;
  std::string svg = Open(width, height);
  svg += "<rect x=\"" + Num(pad) + "\" y=\"" + Num(pad) + "\" width=\"" + Num(plot_width) +
         "\" height=\"" + Num(plot_height) + "\" fill=\"#f4f7fb\" stroke=\"#c8d0da\"/>\n";
  // Points of the same group in one <g> (smaller files); larger groups first, so that small
  // ones stay visible on top.
  std::map<size_t, std::string> by_colour;
  std::map<size_t, size_t> counts;
  for (const MapPoint& p : points) {
    const size_t c = ColourIndex(legend, p.group);
    const double x = pad + plot_width / 2 + (p.lon * kx - cx) * scale;
    const double y = pad + plot_height / 2 - (p.lat - cy) * scale;
    by_colour[c] += "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"2.2\"/>";
    ++counts[c];
  }
  std::vector<size_t> order;
  for (const auto& [c, unused] : by_colour) order.push_back(c);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return counts[a] > counts[b]; });
  for (size_t c : order) {
    svg += "<g fill=\"" + (c < legend.size() ? PaletteColour(c) : std::string("#999999")) +
           "\" fill-opacity=\"0.75\">" + by_colour[c] + "</g>\n";
  }
  svg +=
      Text(pad, pad + plot_height + 14,
           fmt::format("{:.2f}°–{:.2f}° N, {:.2f}°–{:.2f}° E", min_lat, max_lat, min_lon, max_lon),
           9, "start", "#555555");
  svg += LegendRow(legend, pad, pad + plot_height + 32, plot_width);
  return Finish(std::move(svg), width, height, caption, alt);
}

Figure NetworkChart(const std::vector<NetNode>& nodes, const std::vector<std::pair<int, int>>& ties,
                    const Legend& legend, const std::string& caption, const std::string& alt) {
  const double width = 640, pad = 24, plot = width - 2 * pad;
  const double legend_height = LegendHeight(legend, plot);
  const double height = plot + 2 * pad + legend_height;
  double max_size = 0;
  for (const NetNode& n : nodes) max_size = std::max(max_size, n.size);
  if (!(max_size > 0)) max_size = 1;
  auto x_of = [&](const NetNode& n) { return pad + n.x * plot; };
  auto y_of = [&](const NetNode& n) { return pad + n.y * plot; };
  auto radius = [&](const NetNode& n) {
    return 3 + 9 * std::sqrt(std::max(0.0, n.size) / max_size);
  };
  std::string svg = Open(width, height);
  svg += "<g stroke=\"#9aa5b1\" stroke-opacity=\"0.6\" stroke-width=\"0.8\">";
  const int count = static_cast<int>(nodes.size());
  for (const auto& [a, b] : ties) {
    if (a < 0 || b < 0 || a >= count || b >= count) continue;
    const NetNode& na = nodes[static_cast<size_t>(a)];
    const NetNode& nb = nodes[static_cast<size_t>(b)];
    svg += "<line x1=\"" + Num(x_of(na)) + "\" y1=\"" + Num(y_of(na)) + "\" x2=\"" + Num(x_of(nb)) +
           "\" y2=\"" + Num(y_of(nb)) + "\"/>";
  }
  svg += "</g>\n";
  for (const NetNode& n : nodes) {
    const size_t c = ColourIndex(legend, n.group);
    svg += "<circle cx=\"" + Num(x_of(n)) + "\" cy=\"" + Num(y_of(n)) + "\" r=\"" + Num(radius(n)) +
           "\" fill=\"" + (c < legend.size() ? PaletteColour(c) : std::string("#999999")) +
           "\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>\n";
  }
  for (const NetNode& n : nodes) {
    if (n.label.empty()) continue;
    const bool right_half = n.x > 0.6;
    svg += Text(x_of(n) + (right_half ? -1 : 1) * (radius(n) + 3), y_of(n) + 3, n.label, 9,
                right_half ? "end" : "start");
  }
  svg += LegendRow(legend, pad, pad + plot + 14, plot);
  return Finish(std::move(svg), width, height, caption, alt);
}

}  // namespace ecosol::report

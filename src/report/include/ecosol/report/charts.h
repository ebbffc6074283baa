#pragma once

// SVG charts for reports: horizontal bars, yearly lines, a map of points and a network picture.
// Each returns a Figure (report/document.h) that the HTML page embeds and the PDF draws.
//
//   Figure f = BarChart({{"Finance", 62.5}, {"Market access", 20}}, 100, 50, "Coverage", "...");
//
// Pure functions: texts are escaped; NaN values are drawn as gaps (lines) or left out (bars).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ecosol/report/document.h"

namespace ecosol::report {

// Group id -> label, in legend order; a group's colour is its place in this list.
using Legend = std::vector<std::pair<std::string, std::string>>;

// The colour of the i-th group or series (a qualitative palette that repeats after 10).
std::string PaletteColour(size_t i);

struct Bar {
  std::string label;
  double value = 0;  // 0..max; values above max are drawn at max
};

// One bar per label, from 0 to `max`, the value written after the bar, and a dashed line at
// `threshold` when given.
Figure BarChart(const std::vector<Bar>& bars, double max, std::optional<double> threshold,
                const std::string& caption, const std::string& alt);

struct Series {
  std::string name;
  std::vector<double> values;  // one per year; NaN: no value
};

// One line per series over the years (x axis), a y axis from 0 with rounded ticks, a legend.
Figure LineChart(const std::vector<int>& years, const std::vector<Series>& series,
                 const std::string& caption, const std::string& alt);

struct MapPoint {
  double lon = 0;
  double lat = 0;
  std::string group;  // a Legend id
};

// The points on an equirectangular projection fitted to their extent (longitudes scaled by the
// cosine of the middle latitude), coloured by group, with a legend and the extent's bounds.
Figure MapChart(const std::vector<MapPoint>& points, const Legend& legend,
                const std::string& caption, const std::string& alt);

struct NetNode {
  double x = 0.5;  // position in the unit square (ecosystem::LayoutNetwork)
  double y = 0.5;
  double size = 1;    // relative: radii from 3 to 12 px by the square root of size / max size
  std::string group;  // a Legend id
  std::string label;  // drawn next to the node when not empty
};

// Ties as lines, nodes as discs coloured by group, the labels given, a legend.
Figure NetworkChart(const std::vector<NetNode>& nodes, const std::vector<std::pair<int, int>>& ties,
                    const Legend& legend, const std::string& caption, const std::string& alt);

}  // namespace ecosol::report

// Small charts the reports draw themselves as inline SVG (no script, no external resource):
// a line chart, a grouped bar chart and a stacked bar chart, each with axes on "nice" ticks,
// a legend, and an accessible <title>/<desc>. All text is escaped.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace reports::svg {

enum class ValueFormat { count, percent };  // percent: values are fractions from 0 to 1

// One line, one bar colour or one stack segment: a value per category, empty where there is
// nothing to measure (a gap in a line, no bar), which is not the same as 0.
struct Series {
  std::string name;
  std::vector<std::optional<double>> values;
};

struct Chart {
  std::string id;           // unique in the page: the <title>/<desc> ids derive from it
  std::string title;
  std::string description;  // for screen readers: what the chart shows, in a sentence
  std::vector<std::string> categories;  // x axis labels
  std::vector<Series> series;
  ValueFormat format = ValueFormat::count;
  int width = 720, height = 320;
};

struct LineChart : Chart {
  // Rates cluster (on-time near 95 %): a y axis from 0 would flatten them into one line.
  bool startAtZero = true;
};
struct BarChart : Chart {};         // series side by side per category
struct StackedBarChart : Chart {};  // series stacked per category; empty values count as 0

void draw(const LineChart& chart, std::ostream& out);
void draw(const BarChart& chart, std::ostream& out);
void draw(const StackedBarChart& chart, std::ostream& out);

// An axis from `low` to `high` in steps of 1, 2 or 5 x 10^n, covering the data with about
// `targetTicks` ticks (Heckbert's "nice numbers").
struct Scale {
  double low = 0, high = 1, step = 0.2;
};
Scale niceScale(double low, double high, int targetTicks = 5);

// A tick or value label: "12,500", "0.5", "95 %", "95.5 %".
std::string formatValue(double value, ValueFormat format, double step);

}  // namespace reports::svg

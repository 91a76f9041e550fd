#include "reports/svg_chart.h"

#include "reports/markup.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace reports::svg {
namespace {

// Okabe-Ito: distinguishable with the common colour vision deficiencies and in greyscale print.
constexpr std::array<const char*, 8> kPalette = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                 "#56B4E9", "#D55E00", "#F0E442", "#000000"};

const char* colour(std::size_t index) { return kPalette[index % kPalette.size()]; }

constexpr double kLeft = 64, kRight = 16, kTop = 40, kCharWidth = 6.5, kLegendRow = 18;

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::size_t codepoints(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Cut at a code point boundary, so a shortened label stays valid UTF-8.
std::string shortened(const std::string& text, std::size_t maxCodepoints) {
  if (codepoints(text) <= maxCodepoints) return text;
  std::size_t seen = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == maxCodepoints - 1) break;
  }
  return text.substr(0, i) + "\xE2\x80\xA6";
}

double niceNumber(double range, bool round) {
  const double exponent = std::floor(std::log10(range));
  const double fraction = range / std::pow(10, exponent);
  double nice;
  if (round) {
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  } else {
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  }
  return nice * std::pow(10, exponent);
}

// The drawing area and the legend's height, which depends on how the names wrap.
struct Layout {
  double plotLeft, plotRight, plotTop, plotBottom;
  bool rotateLabels;
  std::vector<std::pair<double, double>> legendAt;  // x, y of each series' swatch
  double height;
};

Layout layOut(const Chart& chart) {
  Layout l{};
  l.plotLeft = kLeft;
  l.plotRight = chart.width - kRight;
  const double band = chart.categories.empty() ? 0 : (l.plotRight - l.plotLeft) / chart.categories.size();
  std::size_t longest = 0;
  for (const auto& c : chart.categories) longest = std::max(longest, std::min<std::size_t>(codepoints(c), 18));
  l.rotateLabels = longest * kCharWidth > band - 4;
  const double labelsHeight = l.rotateLabels ? 14 + longest * kCharWidth * 0.6 : 22;

  double x = kLeft, row = 0;
  for (const auto& s : chart.series) {
    const double w = 22 + codepoints(s.name) * kCharWidth + 16;
    if (x + w > chart.width - kRight && x > kLeft) {
      x = kLeft;
      ++row;
    }
    l.legendAt.emplace_back(x, row);
    x += w;
  }
  const double legendHeight = chart.series.empty() ? 0 : (row + 1) * kLegendRow + 8;
  l.height = chart.height;
  l.plotTop = kTop;
  l.plotBottom = chart.height - labelsHeight - legendHeight;
  if (l.plotBottom - l.plotTop < 80) {  // many legend rows: grow the chart rather than squash the plot
    l.plotBottom = l.plotTop + 80;
    l.height = l.plotBottom + labelsHeight + legendHeight;
  }
  for (auto& [lx, ly] : l.legendAt) ly = l.plotBottom + labelsHeight + 8 + ly * kLegendRow;
  return l;
}

class Drawing {
 public:
  Drawing(const Chart& chart, const Scale& scale, std::ostream& out)
      : chart_(chart), scale_(scale), l_(layOut(chart)), out_(out) {}

  double y(double value) const {
    const double span = scale_.high - scale_.low;
    return l_.plotBottom - (value - scale_.low) / span * (l_.plotBottom - l_.plotTop);
  }
  double band() const {
    return chart_.categories.empty() ? 0 : (l_.plotRight - l_.plotLeft) / chart_.categories.size();
  }
  double bandCentre(std::size_t i) const { return l_.plotLeft + band() * (i + 0.5); }
  std::ostream& out() { return out_; }

  void open(const char* kind) {
    const std::string id = escapeMarkup(chart_.id);
    out_ << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " << kind << "\" role=\"img\" width=\""
         << chart_.width << "\" height=\"" << number(l_.height) << "\" viewBox=\"0 0 " << chart_.width << ' '
         << number(l_.height) << "\" aria-labelledby=\"" << id << "-title " << id << "-desc\">\n"
         << "<title id=\"" << id << "-title\">" << escapeMarkup(chart_.title) << "</title>\n"
         << "<desc id=\"" << id << "-desc\">" << escapeMarkup(chart_.description) << "</desc>\n"
         << "<text class=\"chart-title\" x=\"" << kLeft << "\" y=\"20\" font-size=\"14\" font-weight=\"bold\">"
         << escapeMarkup(chart_.title) << "</text>\n";
    axes();
  }

  void close(bool lines) {
    legend(lines);
    out_ << "</svg>\n";
  }

  std::string valueText(double value) const {
    // Values in tooltips are exact-ish; only the ticks use the axis step.
    return formatValue(value, chart_.format, chart_.format == ValueFormat::percent ? 0.001 : 1);
  }

 private:
  void axes() {
    out_ << "<g class=\"axes\" font-size=\"11\" fill=\"#333\">\n";
    const int ticks = static_cast<int>(std::lround((scale_.high - scale_.low) / scale_.step));
    for (int i = 0; i <= ticks; ++i) {
      const double value = scale_.low + i * scale_.step;
      const double ty = y(value);
      out_ << "<line x1=\"" << number(l_.plotLeft) << "\" x2=\"" << number(l_.plotRight) << "\" y1=\"" << number(ty)
           << "\" y2=\"" << number(ty) << "\" stroke=\"" << (i == 0 ? "#555" : "#ddd") << "\" stroke-width=\"1\"/>\n"
           << "<text x=\"" << number(l_.plotLeft - 6) << "\" y=\"" << number(ty + 4) << "\" text-anchor=\"end\">"
           << escapeMarkup(formatValue(value, chart_.format, scale_.step)) << "</text>\n";
    }
    out_ << "<line x1=\"" << number(l_.plotLeft) << "\" x2=\"" << number(l_.plotLeft) << "\" y1=\""
         << number(l_.plotTop) << "\" y2=\"" << number(l_.plotBottom) << "\" stroke=\"#555\" stroke-width=\"1\"/>\n";
    for (std::size_t i = 0; i < chart_.categories.size(); ++i) {
      const double cx = bandCentre(i), cy = l_.plotBottom + 16;
      out_ << "<text x=\"" << number(cx) << "\" y=\"" << number(cy) << '"';
      if (l_.rotateLabels) {
        out_ << " text-anchor=\"end\" transform=\"rotate(-40 " << number(cx) << ' ' << number(cy - 6) << ")\"";
      } else {
        out_ << " text-anchor=\"middle\"";
      }
      out_ << '>' << escapeMarkup(shortened(chart_.categories[i], 18)) << "</text>\n";
    }
    out_ << "</g>\n";
  }

  void legend(bool lines) {
    out_ << "<g class=\"legend\" font-size=\"11\">\n";
    for (std::size_t i = 0; i < chart_.series.size(); ++i) {
      const auto [x, ly] = l_.legendAt[i];
      if (lines) {
        out_ << "<line x1=\"" << number(x) << "\" x2=\"" << number(x + 16) << "\" y1=\"" << number(ly + 6)
             << "\" y2=\"" << number(ly + 6) << "\" stroke=\"" << colour(i) << "\" stroke-width=\"2.5\"/>\n";
      } else {
        out_ << "<rect x=\"" << number(x) << "\" y=\"" << number(ly) << "\" width=\"12\" height=\"12\" fill=\""
             << colour(i) << "\"/>\n";
      }
      out_ << "<text x=\"" << number(x + 22) << "\" y=\"" << number(ly + 10) << "\">"
           << escapeMarkup(chart_.series[i].name) << "</text>\n";
    }
    out_ << "</g>\n";
  }

  const Chart& chart_;
  Scale scale_;
  Layout l_;
  std::ostream& out_;
};

std::optional<double> at(const Series& series, std::size_t i) {
  return i < series.values.size() ? series.values[i] : std::nullopt;
}

std::string tooltip(const std::string& series, const std::string& category, const std::string& value) {
  return "<title>" + escapeMarkup(series + ", " + category + ": " + value) + "</title>";
}

}  // namespace

Scale niceScale(double low, double high, int targetTicks) {
  if (!std::isfinite(low) || !std::isfinite(high)) low = 0, high = 1;
  if (low > high) std::swap(low, high);
  if (high - low < 1e-12) {
    // One value (or none): give it room above, and below unless it sits on 0.
    const double pad = std::abs(high) > 1e-12 ? std::abs(high) * 0.1 : 1;
    high += pad;
    if (low != 0) low -= pad;
  }
  const double range = niceNumber(high - low, false);
  const double step = niceNumber(range / std::max(1, targetTicks - 1), true);
  return Scale{std::floor(low / step) * step, std::ceil(high / step) * step, step};
}

std::string formatValue(double value, ValueFormat format, double step) {
  char buffer[64];
  if (format == ValueFormat::percent) {
    const int decimals = step * 100 >= 1 - 1e-9 ? 0 : 1;
    std::snprintf(buffer, sizeof buffer, "%.*f %%", decimals, value * 100);
    return buffer;
  }
  const int decimals = step >= 1 - 1e-9 ? 0 : step >= 0.1 - 1e-12 ? 1 : 2;
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(value));
  std::string digits = buffer;
  const std::size_t point = digits.find('.');
  std::size_t end = point == std::string::npos ? digits.size() : point;
  for (std::size_t i = end; i > 3; i -= 3) digits.insert(i - 3, ",");
  return (value < 0 && std::abs(value) >= 0.5 * std::pow(10, -decimals) ? "-" : "") + digits;
}

void draw(const LineChart& chart, std::ostream& out) {
  double low = chart.startAtZero ? 0 : INFINITY, high = chart.startAtZero ? 0 : -INFINITY;
  for (const auto& s : chart.series)
    for (const auto& v : s.values)
      if (v) low = std::min(low, *v), high = std::max(high, *v);
  if (!std::isfinite(low)) low = 0, high = chart.format == ValueFormat::percent ? 1 : 0;
  Scale scale = niceScale(low, high);
  if (chart.format == ValueFormat::percent) {
    // A rate never leaves 0..100 %; the padding niceScale adds must not suggest it does.
    scale.low = std::max(0.0, scale.low);
    scale.high = std::min(1.0, scale.high);
    if (scale.high <= scale.low) scale.high = scale.low + scale.step;
  }
  Drawing d(chart, scale, out);
  d.open("line-chart");
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const Series& series = chart.series[s];
    out << "<g class=\"series\" fill=\"" << colour(s) << "\">\n";
    // A missing month breaks the line: joining across it would invent a value.
    std::vector<std::string> run;
    const auto flush = [&] {
      if (run.size() >= 2) {
        out << "<polyline fill=\"none\" stroke=\"" << colour(s) << "\" stroke-width=\"2\" points=\"";
        for (std::size_t i = 0; i < run.size(); ++i) out << (i ? " " : "") << run[i];
        out << "\"/>\n";
      }
      run.clear();
    };
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
      const auto value = at(series, i);
      if (!value) {
        flush();
        continue;
      }
      const std::string x = number(d.bandCentre(i)), y = number(d.y(*value));
      run.push_back(x + "," + y);
      out << "<circle cx=\"" << x << "\" cy=\"" << y << "\" r=\"3\">"
          << tooltip(series.name, chart.categories[i], d.valueText(*value)) << "</circle>\n";
    }
    flush();
    out << "</g>\n";
  }
  d.close(true);
}

void draw(const BarChart& chart, std::ostream& out) {
  double high = 0, low = 0;
  for (const auto& s : chart.series)
    for (const auto& v : s.values)
      if (v) high = std::max(high, *v), low = std::min(low, *v);
  Drawing d(chart, niceScale(low, high), out);
  d.open("bar-chart");
  const std::size_t groups = std::max<std::size_t>(1, chart.series.size());
  const double inner = d.band() * 0.8, barWidth = inner / groups;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    out << "<g class=\"series\" fill=\"" << colour(s) << "\">\n";
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
      const auto value = at(chart.series[s], i);
      if (!value) continue;
      const double x = d.bandCentre(i) - inner / 2 + s * barWidth;
      const double top = std::min(d.y(*value), d.y(0)), bottom = std::max(d.y(*value), d.y(0));
      out << "<rect x=\"" << number(x) << "\" y=\"" << number(top) << "\" width=\"" << number(barWidth - 1)
          << "\" height=\"" << number(bottom - top) << "\">"
          << tooltip(chart.series[s].name, chart.categories[i], d.valueText(*value)) << "</rect>\n";
    }
    out << "</g>\n";
  }
  d.close(false);
}

void draw(const StackedBarChart& chart, std::ostream& out) {
  std::vector<double> totals(chart.categories.size(), 0);
  for (const auto& s : chart.series)
    for (std::size_t i = 0; i < totals.size(); ++i) totals[i] += std::max(0.0, at(s, i).value_or(0));
  const double high = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
  Drawing d(chart, niceScale(0, high), out);
  d.open("stacked-bar-chart");
  const double width = d.band() * 0.6;
  std::vector<double> base(chart.categories.size(), 0);
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    out << "<g class=\"series\" fill=\"" << colour(s) << "\">\n";
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
      const double value = std::max(0.0, at(chart.series[s], i).value_or(0));
      if (value <= 0) continue;
      const double top = d.y(base[i] + value), bottom = d.y(base[i]);
      base[i] += value;
      out << "<rect x=\"" << number(d.bandCentre(i) - width / 2) << "\" y=\"" << number(top) << "\" width=\""
          << number(width) << "\" height=\"" << number(bottom - top) << "\">"
          << tooltip(chart.series[s].name, chart.categories[i], d.valueText(value)) << "</rect>\n";
    }
    out << "</g>\n";
  }
  d.close(false);
}

}  // namespace reports::svg

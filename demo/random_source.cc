#include "demo/random_source.h"

#include <numeric>

namespace demo {

std::uint64_t RandomSource::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double RandomSource::fraction() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

int RandomSource::between(int low, int high) {
  return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
}

bool RandomSource::chance(double p) { return fraction() < p; }

std::size_t RandomSource::weighted(const std::vector<double>& weights) {
  double left = fraction() * std::accumulate(weights.begin(), weights.end(), 0.0);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (left < weights[i]) return i;
    left -= weights[i];
  }
  return weights.size() - 1;
}

}  // namespace demo

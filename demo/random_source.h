// The demo's dice: a small generator (SplitMix64) with the few draws the generated year needs.
// Written out rather than taken from <random>, whose distributions may differ between standard
// libraries: the same seed gives the same year on every build.
#pragma once

#include <cstdint>
#include <vector>

namespace demo {

class RandomSource {
 public:
  explicit RandomSource(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next();
  // A whole number from `low` to `high`, both included.
  int between(int low, int high);
  // True with probability `p`.
  bool chance(double p);
  // A fraction in [0, 1).
  double fraction();
  // An index drawn in proportion to `weights`.
  std::size_t weighted(const std::vector<double>& weights);

 private:
  std::uint64_t state_;
};

}  // namespace demo

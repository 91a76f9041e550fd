#include "demo/demo_options.h"

namespace demo {

DemoScale DemoScale::small() { return {"small", 6000, 9000, 2500}; }
DemoScale DemoScale::full() { return {"full", 60000, 90000, 25000}; }

}  // namespace demo

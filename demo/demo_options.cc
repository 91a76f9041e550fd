#include "demo/demo_options.h"

namespace demo {

DemoScale DemoScale::small() { return {"small", 5000, 8000, 2000}; }
DemoScale DemoScale::full() { return {"full", 50000, 80000, 20000}; }

}  // namespace demo

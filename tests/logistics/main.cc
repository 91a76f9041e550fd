#define BOOST_TEST_MODULE logistics
#include <boost/test/unit_test.hpp>

#define BOOST_TEST_MODULE digest
#include <boost/test/unit_test.hpp>

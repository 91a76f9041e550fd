#define BOOST_TEST_MODULE edi
#include <boost/test/unit_test.hpp>

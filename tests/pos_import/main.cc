#define BOOST_TEST_MODULE pos_import
#include <boost/test/unit_test.hpp>

#define BOOST_TEST_MODULE crm
#include <boost/test/unit_test.hpp>

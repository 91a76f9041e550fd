// The exception for infrastructure failures of the database: it cannot be reached, opened,
// migrated or written. Its message is one line saying what failed, where, and what to do.
#pragma once

#include <Poco/Data/DataException.h>

#include <string>

namespace store {

POCO_DECLARE_EXCEPTION(, DatabaseError, Poco::Data::DataException)

// Drivers report failures as multi-line dumps (psqlODBC, unixODBC) or with repeated prefixes;
// this keeps the driver's own words and SQLSTATE on one line.
std::string summarizeDriverMessage(const std::string& text);

}  // namespace store

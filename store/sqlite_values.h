// Binding store::Value rows to a prepared SQLite statement through the sqlite3 C API, shared by
// the row-at-a-time writers (BulkInserter, RowInserter): Poco's binding layer costs more per row
// than SQLite itself.
#pragma once

#include "store/value.h"

#include <span>

struct sqlite3_stmt;

namespace store {

// Binds row[i] to parameter i + 1. Text and bytes are bound without a copy (a malloc and memcpy
// per value saved): the caller steps the statement before the row goes away, and binds every
// parameter again before the next step.
void bindSqliteValues(sqlite3_stmt* statement, std::span<const Value> row);

}  // namespace store

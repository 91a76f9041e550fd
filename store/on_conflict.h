// What a row whose key a unique index already holds does on the bulk write paths (BulkInserter,
// RowInserter): fail the insert (the database's exception), or stay out without a word
// (ON CONFLICT DO NOTHING).
#pragma once

namespace store {

enum class OnConflict { fail, skip };

}  // namespace store

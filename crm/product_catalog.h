// The product table: the one place that writes and reads products, with the warranty terms the
// installed base takes its warranty ends from.
#pragma once

#include "crm/product.h"
#include "store/database.h"

#include <vector>

namespace crm {

class ProductCatalog {
 public:
  explicit ProductCatalog(store::Database& database) : database_(database) {}

  // Returns the new product's id; throws the database's exception when the SKU or GTIN is taken.
  std::int64_t add(const Product& product);
  std::vector<Product> list();

 private:
  store::Database& database_;
};

}  // namespace crm

#include "crm/product_catalog.h"

#include "store/timestamp.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

template <typename T>
Poco::Nullable<T> nullable(const std::optional<T>& value) {
  return value ? Poco::Nullable<T>(*value) : Poco::Nullable<T>();
}

template <typename T>
std::optional<T> optional(const Poco::Nullable<T>& value) {
  return value.isNull() ? std::nullopt : std::optional<T>(value.value());
}

}  // namespace

std::int64_t ProductCatalog::add(const Product& product) {
  Poco::Data::Session session = database_.session();
  const std::string stamp = store::currentTimestamp();
  std::int64_t id = 0;
  session << "INSERT INTO product (sku, gtin, name, category, unit_weight_kg, unit_volume_m3, unit_price_cents, "
             "serialized, warranty_months, manufacturer_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "RETURNING product_id",
      bind(product.sku), bind(nullable(product.gtin)), bind(product.name), bind(nullable(product.category)),
      bind(nullable(product.unitWeightKg)), bind(nullable(product.unitVolumeM3)),
      bind(nullable(product.unitPriceCents)), bind(product.serialized ? 1 : 0), bind(nullable(product.warrantyMonths)),
      bind(nullable(product.manufacturerId)), bind(stamp), into(id), now;
  return id;
}

std::vector<Product> ProductCatalog::list() {
  Poco::Data::Session session = database_.session();
  std::vector<std::int64_t> id;
  std::vector<std::string> sku, name;
  std::vector<Poco::Nullable<std::string>> gtin, category;
  std::vector<Poco::Nullable<double>> weight, volume;
  std::vector<Poco::Nullable<std::int64_t>> price;
  std::vector<int> serialized;
  std::vector<Poco::Nullable<int>> warranty;
  std::vector<Poco::Nullable<std::int64_t>> manufacturer;
  session << "SELECT product_id, sku, gtin, name, category, unit_weight_kg, unit_volume_m3, unit_price_cents, "
             "serialized, warranty_months, manufacturer_id FROM product ORDER BY sku",
      into(id), into(sku), into(gtin), into(name), into(category), into(weight), into(volume), into(price),
      into(serialized), into(warranty), into(manufacturer), now;
  std::vector<Product> products(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    products[i] = {id[i],      sku[i],           optional(gtin[i]),  name[i],
                   optional(category[i]), optional(weight[i]), optional(volume[i]), optional(price[i]),
                   serialized[i] != 0,    optional(warranty[i]), optional(manufacturer[i])};
  }
  return products;
}

}  // namespace crm

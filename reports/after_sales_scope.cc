#include "reports/after_sales_scope.h"

namespace reports {

std::string clientProduct(const AfterSalesScope& scope, const std::string& productColumn) {
  if (!scope.clientId) return "";
  return " AND " + productColumn + " IN (SELECT cp_.product_id FROM product cp_ WHERE cp_.manufacturer_id = " +
         std::to_string(*scope.clientId) + ")";
}

std::string clientRma(const AfterSalesScope& scope, const std::string& rmaColumn) {
  if (!scope.clientId) return "";
  return " AND EXISTS (SELECT 1 FROM rma_line cl_ JOIN product cp_ ON cp_.product_id = cl_.product_id"
         " WHERE cl_.rma_id = " + rmaColumn + " AND cp_.manufacturer_id = " + std::to_string(*scope.clientId) + ")";
}

std::string clientCustomer(const AfterSalesScope& scope, const std::string& customerColumn) {
  if (!scope.clientId) return "";
  // Identity is one hop deep (docs/CRM.md): the customer that stands for this one, then every
  // party merged into it, and their sales.
  const std::string standing = "COALESCE((SELECT cm_.merged_into FROM customer_profile cm_ WHERE cm_.party_id = " +
                               customerColumn + "), " + customerColumn + ")";
  return " AND EXISTS (SELECT 1 FROM sale cs_ JOIN sale_line cl_ ON cl_.sale_id = cs_.sale_id"
         " JOIN product cp_ ON cp_.product_id = cl_.product_id"
         " WHERE cp_.manufacturer_id = " + std::to_string(*scope.clientId) + " AND cs_.business_day < '" + scope.end +
         "' AND (cs_.customer_id = " + standing +
         " OR cs_.customer_id IN (SELECT cf_.party_id FROM customer_profile cf_ WHERE cf_.merged_into = " + standing +
         ")))";
}

}  // namespace reports

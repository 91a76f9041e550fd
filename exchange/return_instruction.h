// The EDIFACT RETINS (D01B, instruction for returns) we send a recycler for an RMA: the RMA
// number in BGM, what is to be done with the goods (the decided disposition) in FTX, us and the
// recycler in NAD, and per RMA line the item, quantity and serial numbers (GIN under PAC/PCI).
#pragma once

#include "exchange/outbound_envelope.h"
#include "logistics/return_authorization.h"

#include <string>

namespace exchange {

struct ReturnInstructionParties {
  std::string senderCode, senderName;      // us
  std::string recyclerCode, recyclerName;  // the partner
};

std::string writeReturnInstruction(const logistics::ReturnAuthorization& rma, const ReturnInstructionParties& parties,
                                   const Envelope& envelope);

}  // namespace exchange

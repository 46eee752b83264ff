// libidn2 (IDNA2008 with UTS #46, the library dig uses) for IDNBridge, the
// only Swift target that imports this module.
#ifndef CIDN2_SHIM_H
#define CIDN2_SHIM_H
#include <idn2.h>
#endif

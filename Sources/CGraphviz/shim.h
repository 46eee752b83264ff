// Graphviz's layout and rendering library (libgvc, with cgraph for the
// graph), for GraphvizBridge, the only Swift target that imports this module.
#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#endif

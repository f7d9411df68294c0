// SPDX-License-Identifier: GPL-2.0
/* ndis5cm's own object for ../ndissample/cm_linux.c, built with NDIS50 (see Kbuild). */
#include "../ndissample/cm_linux.c"

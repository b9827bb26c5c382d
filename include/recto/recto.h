/* recto.h: the one header a stage includes. */
#pragma once

#include <recto/recto-version.h>
#include <recto/recto-error.h>
#include <recto/recto-document.h>
#include <recto/recto-stage.h>
#include <recto/recto-language.h>
#include <recto/recto-numbering.h>
#include <recto/recto-page-list.h>
#include <recto/recto-parallel.h>
#include <recto/recto-recovery.h>
#include <recto/recto-text.h>

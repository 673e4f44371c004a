/*
 * legacy_font.h — Vietnamese typed in a legacy font inside a Unicode file.
 *
 * A Word document of the 1990s–2000s set in a TCVN3 font (.VnTime) or a VNI
 * font (VNI-Times) keeps, once saved as .docx (or copied into a UTF-8 text
 * file, or an HTML page), the legacy bytes as the windows-1252 characters
 * they look like: "NghÞ ®Þnh sè 59/2023/N§-CP" (TCVN3), "Nghò ñònh soá …"
 * (VNI).  The file is valid Unicode, so the reader takes it as it is; this
 * finds such lines and decodes them again.
 */
#ifndef VN_LEGACY_FONT_H
#define VN_LEGACY_FONT_H

#include "../common/status.h"
#include "reader.h"

/* The lines of d that hold no letter only Vietnamese Unicode writes (ă đ
 * ơ ư, the letters of U+1EA0–U+1EF9, a combining mark) and whose other
 * characters are all windows-1252's are, taken together, tested as bytes
 * (vn_tcvn3_likely, then vn_vni_likely); when one fits, those lines are
 * decoded in it and d's text and map replaced, d->legacy_font set and a
 * warning naming the file given.  Lines in Unicode Vietnamese stay, so a
 * document mixing both fonts is read whole.  VN_ERR_NOMEM (d unchanged). */
vn_status vn_legacy_font_repair(const char *name, vn_decoded *d);

#endif

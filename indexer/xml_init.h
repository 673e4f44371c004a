/*
 * xml_init.h — libxml2 set up once for the whole process.
 *
 * Both readers that parse XML (docx.h, html.h) may run on several threads
 * at once; libxml2's globals must be initialised before the first parse,
 * and only once, whichever of them comes first.
 */
#ifndef VN_XML_INIT_H
#define VN_XML_INIT_H

/* Initialises libxml2's parser the first time it is called; cheap after. */
void vn_xml_init(void);

#endif

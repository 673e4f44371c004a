/*
 * xml_init.c — libxml2 set up once for the whole process (see xml_init.h).
 */
#include "xml_init.h"

#include <pthread.h>
#include <libxml/parser.h>

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void init_parser(void)
{
    xmlInitParser();
}

void vn_xml_init(void)
{
    pthread_once(&xml_once, init_parser);
}

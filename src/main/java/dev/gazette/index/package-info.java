/**
 * The site index: the published articles in their reading order, looked up by slug, tag and
 * rubric. Building it detects what makes a site ambiguous (two sources with one slug) and resolves
 * the editors' pins and related-title hints to articles.
 */
package dev.gazette.index;

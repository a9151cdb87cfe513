/**
 * Images, in one place: where an article's image reference points ({@link ImagePaths}, pure), the
 * file it names inside the articles folder and where it is published ({@link ImageFiles}), what its
 * header says of its size ({@link ImageSize}), each file read once per build ({@link ImageSizes}),
 * and the record pages, feeds and structured data describe an image with ({@link ImageInfo}).
 * Depends on {@code model} only; the pipeline's body-image step and the page views use it.
 */
package dev.gazette.images;

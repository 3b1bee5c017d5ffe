const { src, dest } = require('gulp');

/** tsc does not copy SVG icons; n8n loads them from dist/ next to the compiled code. */
function buildIcons() {
	src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
	return src('icons/**/*.{png,svg}').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;

// Runs before decap-cms.js: Pelita starts the CMS itself, once its forms,
// format, locale and widgets are registered (pelita-editor.js).
window.CMS_MANUAL_INIT = true;

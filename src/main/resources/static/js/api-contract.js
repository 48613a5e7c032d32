// Draws an OpenAPI contract with Swagger UI in place of the server-rendered operation list.
document.addEventListener('DOMContentLoaded', function () {
  var container = document.getElementById('swagger-ui');
  if (!container || typeof SwaggerUIBundle !== 'function') {
    return;
  }
  container.replaceChildren();
  SwaggerUIBundle({
    url: container.dataset.specUrl,
    domNode: container,
    deepLinking: false,
    validatorUrl: null,
    supportedSubmitMethods: []
  });
});

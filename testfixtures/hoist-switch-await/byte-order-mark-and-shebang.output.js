#!/usr/bin/env node
const { render } = require("x");

async function page(req, res) {
  let html;
  let renderArg1;
  let renderArg2;
  if (req.user) {
    renderArg1 = 'dashboard';
    renderArg2 = req.user;
  } else if (req.query.preview) {
    renderArg1 = 'preview';
    renderArg2 = null;
  } else {
    renderArg1 = 'login';
    renderArg2 = null;
  }
  html = await render(renderArg1, renderArg2);
  res.end(html);
}

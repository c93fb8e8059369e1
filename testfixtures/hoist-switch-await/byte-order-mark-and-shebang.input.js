#!/usr/bin/env node
const { render } = require("x");

async function page(req, res) {
  let html;
  if (req.user) {
    html = await render('dashboard', req.user);
  } else if (req.query.preview) {
    html = await render('preview', null);
  } else {
    html = await render('login', null);
  }
  res.end(html);
}

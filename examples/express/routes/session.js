// Sign-in and moved pages, mounted by an app like ../app.js.
import express from 'express';

const router = express.Router();

// The docs moved for good, but `redirect(url)` sets its own 302 over the 301: search engines keep the old URL.
router.get('/help', (req, res) => {
  res.status(301).redirect('/docs');
});

// A form POST answered with the default 302: browsers follow it with a GET, other clients may repeat the POST.
router.post('/login', (req, res) => {
  req.session.user = req.body.user;
  res.redirect('/dashboard');
});

// 303 See Other: the client fetches the page with a GET, whatever it sent. Left alone.
router.post('/logout', (req, res) => {
  req.session.user = undefined;
  res.redirect(303, '/');
});

// A GET keeps the default 302. Left alone.
router.get('/account', (req, res) => {
  if (!req.session.user) return res.redirect('/login');
  res.send(`Signed in as ${req.session.user}`);
});

export default router;

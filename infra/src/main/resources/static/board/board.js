// Carelog waiting-room board: subscribes to queueBoard over GraphQL-over-WebSocket (graphql-transport-ws),
// shows numbers and rooms in Bangla and English, and reconnects by itself with a growing pause.
// URL: /board/index.html?servicePoint=<id>#key=<display credential>  (the fragment never reaches the server).
(function () {
  'use strict';

  var BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯';
  var QUERY = 'subscription($sp: ID!) { queueBoard(servicePointId: $sp) {'
    + ' code nameEn nameBn nowServing { label status counter } next { label } updatedAt } }';

  var params = new URLSearchParams(location.search);
  var servicePoint = params.get('servicePoint');
  var key = new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  var pause = 1000;
  var socket = null;

  function bangla(text) {
    return String(text).replace(/[0-9]/g, function (d) { return BANGLA_DIGITS[Number(d)]; });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function token(label) {
    var span = el('span', 'token', bangla(label));
    span.setAttribute('data-label', label);
    span.appendChild(el('span', 'token-en', label));
    return span;
  }

  function render(board) {
    document.getElementById('name-bn').textContent = board.nameBn;
    document.getElementById('name-en').textContent = board.nameEn;
    var serving = document.getElementById('now-serving');
    serving.replaceChildren();
    board.nowServing.forEach(function (t) {
      var li = el('li');
      li.appendChild(token(t.label));
      if (t.counter) {
        var counter = el('span', 'counter', bangla(t.counter));
        counter.appendChild(el('span', 'token-en', t.counter));
        li.appendChild(counter);
      }
      serving.appendChild(li);
    });
    var next = document.getElementById('next');
    next.replaceChildren();
    board.next.forEach(function (t) {
      var li = el('li');
      li.appendChild(token(t.label));
      next.appendChild(li);
    });
    message('');
  }

  function status(state, text) {
    var node = document.getElementById('connection');
    node.className = state;
    node.textContent = text;
  }

  function message(text) {
    document.getElementById('message').textContent = text;
  }

  function connect() {
    document.getElementById('connection').setAttribute('data-attempts',
      String(Number(document.getElementById('connection').getAttribute('data-attempts') || 0) + 1));
    status('connecting', 'সংযোগ হচ্ছে · Connecting');
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
    socket = new WebSocket(url, 'graphql-transport-ws');
    socket.onopen = function () {
      document.getElementById('connection').setAttribute('data-open', 'yes');
      socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: 'Board ' + key } }));
    };
    socket.onmessage = function (event) {
      var msg = JSON.parse(event.data);
      if (msg.type === 'connection_ack') {
        pause = 1000;
        status('live', 'সরাসরি · Live');
        socket.send(JSON.stringify({ id: 'board', type: 'subscribe', payload: { query: QUERY, variables: { sp: servicePoint } } }));
      } else if (msg.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (msg.type === 'next') {
        if (msg.payload.errors && msg.payload.errors.length) {
          message(msg.payload.errors[0].message);
        } else if (msg.payload.data && msg.payload.data.queueBoard) {
          render(msg.payload.data.queueBoard);
        }
      } else if (msg.type === 'error') {
        message((msg.payload && msg.payload[0] && msg.payload[0].message) || 'error');
      } else if (msg.type === 'complete') {
        socket.close();
      }
    };
    socket.onclose = function (event) {
      status('lost', 'সংযোগ বিচ্ছিন্ন, আবার চেষ্টা · Reconnecting');
      document.getElementById('connection').setAttribute('data-close-code', String(event.code));
      if (event.code === 4401 || event.code === 4403) {
        message('এই ডিসপ্লের অনুমতি নেই · This display is not allowed (credential revoked?)');
      }
      var wait = pause + Math.floor(Math.random() * 500);
      pause = Math.min(pause * 2, 30000);
      setTimeout(connect, wait);
    };
  }

  if (!servicePoint || !key) {
    status('lost', 'ঠিকানা অসম্পূর্ণ · Incomplete address');
    message('Open /board/index.html?servicePoint=<id>#key=<display credential> (createBoardDisplay gives the address).');
    return;
  }
  connect();
})();

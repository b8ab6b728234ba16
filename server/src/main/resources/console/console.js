'use strict';
// The Handoff console: read-only pages over /api/*. Everything that comes from clients (group ids, member and
// client ids, topic names) is put into the page with textContent or SVG text nodes, never parsed as markup.
(function () {
  const POLL_MS = 1000;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const COLORS = {
    MEMBER_JOINED: '#1f9d55', MEMBER_LEFT: '#6b7280', MEMBER_FENCED: '#d64545', MEMBER_AWAY: '#a78bfa',
    GROUP_EPOCH_BUMPED: '#2f6fdb', TARGET_ASSIGNMENT_COMPUTED: '#0ea5e9', REVOCATION_REQUESTED: '#f59e0b',
    REVOCATION_COMPLETED: '#b45309', PARTITIONS_ASSIGNED: '#10b981', HANDOFF: '#7c3aed',
    CLASSIC_REBALANCE_STARTED: '#f97316', CLASSIC_JOIN_COMPLETED: '#0891b2', CLASSIC_SYNC_COMPLETED: '#15803d',
    GROUP_DELETED: '#111827'
  };
  let timer = null;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') { node.textContent = v; } else { node.setAttribute(k, v); }
    });
    (children || []).forEach(c => node.appendChild(c));
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function table(id, headers, rows) {
    const head = el('tr', {}, headers.map(h => el('th', { text: h })));
    const body = el('tbody', {}, rows);
    return el('table', { id: id }, [el('thead', {}, [head]), body]);
  }

  function cell(text, cls) {
    return el('td', cls ? { text: String(text), class: cls } : { text: String(text) });
  }

  function pill(text) {
    return el('td', {}, [el('span', { class: 'pill ' + String(text).replace(/[^A-Za-z]/g, ''), text: text })]);
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) { throw new Error(path + ': HTTP ' + response.status); }
    return response.json();
  }

  function setStatus(text) { document.getElementById('status').textContent = text; }

  function page(children) {
    const main = document.getElementById('page');
    main.replaceChildren(...children);
  }

  function time(ms) {
    const d = new Date(ms);
    return d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
  }

  function ms(value) { return value < 0 ? '' : (value < 10 ? value.toFixed(2) : Math.round(value)) + ' ms'; }

  // ---- topics ------------------------------------------------------------------------------------------------

  async function showTopics() {
    const topics = await getJson('/api/topics');
    const rows = [];
    topics.forEach(t => t.partitions.forEach(p => rows.push(el('tr', {}, [
      cell(t.name, 'mono topic-name'), cell(p.partition, 'num'), cell(p.logStartOffset, 'num'),
      cell(p.logEndOffset, 'num'), cell(p.sizeBytes, 'num')]))));
    page([el('h1', { text: 'Topics' }),
      rows.length ? table('topics', ['topic', 'partition', 'start offset', 'end offset', 'size (bytes)'], rows)
        : el('p', { class: 'empty', text: 'No topics yet.' })]);
  }

  // ---- groups ------------------------------------------------------------------------------------------------

  function groupLink(groupId) {
    return el('a', { href: '#/group/' + encodeURIComponent(groupId), class: 'group-link mono', text: groupId });
  }

  async function showGroups() {
    const groups = await getJson('/api/groups');
    const rows = groups.map(g => el('tr', {}, [el('td', {}, [groupLink(g.groupId)]), pill(g.type), pill(g.state),
      cell(g.protocolType || ''), cell(g.epoch, 'num'), cell(g.members.length, 'num'),
      cell(g.lag.reduce((sum, l) => sum + Math.max(0, l.lag), 0), 'num')]));
    page([el('h1', { text: 'Groups' }),
      rows.length ? table('groups', ['group', 'type', 'state', 'protocol type', 'epoch', 'members', 'total lag'], rows)
        : el('p', { class: 'empty', text: 'No groups yet.' })]);
  }

  // ---- one group -----------------------------------------------------------------------------------------------

  function groupState(groupId) {
    return { groupId: groupId, after: 0, events: [] };
  }

  async function showGroup(state) {
    const [groups, timeline] = await Promise.all([getJson('/api/groups'),
      getJson('/api/groups/' + encodeURIComponent(state.groupId) + '/timeline?after=' + state.after)]);
    timeline.events.forEach(e => state.events.push(e));
    if (state.events.length > 2000) { state.events.splice(0, state.events.length - 2000); }
    state.after = Math.max(state.after, timeline.lastSequence);
    const group = groups.find(g => g.groupId === state.groupId);
    const parts = [el('h1', { id: 'group-title', text: state.groupId })];
    if (group) {
      parts.push(el('div', { class: 'summary' }, [
        el('span', {}, [document.createTextNode('type '), el('b', { id: 'group-type', text: group.type })]),
        el('span', {}, [document.createTextNode('state '), el('b', { id: 'group-state', text: group.state })]),
        el('span', {}, [document.createTextNode('epoch '), el('b', { text: String(group.epoch) })]),
        el('span', {}, [document.createTextNode('assignment epoch '),
          el('b', { text: group.assignmentEpoch < 0 ? '–' : String(group.assignmentEpoch) })])]));
      parts.push(el('h2', { text: 'Members' }));
      parts.push(group.members.length ? table('members', ['member', 'client', 'host', 'protocol', 'epoch', 'partitions'],
        group.members.map(m => el('tr', { 'data-member': m.memberId }, [cell(m.memberId, 'mono member-id'),
          cell(m.clientId, 'mono'), cell(m.clientHost, 'mono'), pill(m.protocol), cell(m.epoch, 'num'),
          cell(m.assigned.join(', '), 'mono')])))
        : el('p', { class: 'empty', text: 'No members.' }));
      parts.push(el('h2', { text: 'Lag' }));
      parts.push(group.lag.length ? table('lag', ['topic', 'partition', 'committed', 'end offset', 'lag'],
        group.lag.map(l => el('tr', {}, [cell(l.topic, 'mono'), cell(l.partition, 'num'), cell(l.committedOffset, 'num'),
          cell(l.logEndOffset, 'num'), cell(l.lag, 'num')])))
        : el('p', { class: 'empty', text: 'No committed offsets.' }));
    } else {
      parts.push(el('p', { class: 'empty', text: 'The group does not exist (any more); its recording is below.' }));
    }
    parts.push(el('h2', { text: 'Rebalance timeline' }));
    if (!timeline.recorderEnabled) {
      parts.push(el('p', { class: 'empty', text: 'The flight recorder is off (handoff.flight.recorder.enable).' }));
    }
    parts.push(legend());
    parts.push(el('div', { id: 'timeline' }, [swimlanes(state.events)]));
    parts.push(el('h2', { text: 'Events' }));
    parts.push(eventTable(state.events));
    page(parts);
  }

  function legend() {
    return el('div', { class: 'legend' }, Object.entries(COLORS).map(([type, color]) => {
      const dot = el('i', {});
      dot.style.background = color;
      return el('span', {}, [dot, document.createTextNode(type.toLowerCase().replace(/_/g, ' '))]);
    }));
  }

  // One lane per member (in order of first appearance) plus a lane for group-wide events.
  function swimlanes(events) {
    const lanes = ['(group)'];
    events.forEach(e => [e.otherMemberId, e.memberId].forEach(m => {
      if (m && !lanes.includes(m)) { lanes.push(m); }
    }));
    const labelWidth = 220, laneHeight = 28, plotWidth = 900, top = 24;
    const width = labelWidth + plotWidth + 20, height = top + lanes.length * laneHeight + 10;
    const root = svg('svg', { width: width, height: height, id: 'swimlanes' });
    const t0 = events.length ? events[0].timeMs : 0;
    const t1 = events.length ? events[events.length - 1].timeMs : 1;
    const span = Math.max(1, t1 - t0);
    const x = t => labelWidth + (t - t0) / span * plotWidth;
    root.appendChild(svg('text', { x: labelWidth, y: 14, class: 'axis' }, time(t0)));
    root.appendChild(svg('text', { x: labelWidth + plotWidth, y: 14, class: 'axis', 'text-anchor': 'end' },
      time(t1) + ' (+' + (t1 - t0) + ' ms)'));
    lanes.forEach((member, i) => {
      const y = top + i * laneHeight + laneHeight / 2;
      const lane = svg('g', { class: 'lane', 'data-member': member });
      lane.appendChild(svg('line', { x1: labelWidth, x2: labelWidth + plotWidth, y1: y, y2: y, class: 'lane-line' }));
      const label = member.length > 28 ? member.slice(0, 27) + '…' : member;
      const text = svg('text', { x: 6, y: y + 4, class: 'lane-label' }, label);
      text.appendChild(svg('title', {}, member));
      lane.appendChild(text);
      root.appendChild(lane);
    });
    events.forEach(e => {
      const laneIndex = Math.max(0, lanes.indexOf(e.memberId || '(group)'));
      const y = top + laneIndex * laneHeight + laneHeight / 2;
      const color = COLORS[e.type] || '#999';
      const mark = svg('g', { class: 'event ' + e.type, 'data-sequence': e.sequence });
      if (e.type === 'HANDOFF' && e.durationMs >= 0) {
        const x0 = x(e.timeMs - e.durationMs), x1 = x(e.timeMs);
        mark.appendChild(svg('rect', { x: Math.max(labelWidth, x0), y: y - 4,
          width: Math.max(2, x1 - Math.max(labelWidth, x0)), height: 8, fill: color, opacity: 0.55 }));
      } else {
        mark.appendChild(svg('circle', { cx: x(e.timeMs), cy: y, r: 5, fill: color }));
      }
      mark.appendChild(svg('title', {}, describe(e)));
      root.appendChild(mark);
    });
    return root;
  }

  function describe(e) {
    const parts = [time(e.timeMs), e.type, 'cause ' + e.cause];
    if (e.memberId) { parts.push('member ' + e.memberId); }
    if (e.otherMemberId) { parts.push('from ' + e.otherMemberId); }
    if (e.partitions.length) { parts.push(e.partitions.join(', ')); }
    if (e.durationMs >= 0) { parts.push(ms(e.durationMs)); }
    if (e.detail) { parts.push(e.detail); }
    return parts.join(' · ');
  }

  function eventTable(events) {
    const rows = events.slice(-300).reverse().map(e => el('tr', { class: 'event-row ' + e.type }, [
      cell(time(e.timeMs), 'mono'), cell(e.type), cell(e.cause), cell(e.memberId || '', 'mono'),
      cell(e.otherMemberId || '', 'mono'), cell(e.epoch < 0 ? '' : e.epoch, 'num'),
      cell(e.partitions.join(', '), 'mono'), cell(e.count < 0 ? '' : e.count, 'num'),
      cell(ms(e.durationMs), 'duration'), cell(e.detail || '', 'mono')]));
    return rows.length ? el('div', { class: 'events' }, [table('events',
      ['time', 'event', 'cause', 'member', 'from', 'epoch', 'partitions', 'count', 'duration', 'detail'], rows)])
      : el('p', { class: 'empty', text: 'Nothing recorded yet.' });
  }

  // ---- routing -------------------------------------------------------------------------------------------------

  function route() {
    if (timer) { clearTimeout(timer); timer = null; }
    const hash = location.hash || '#/groups';
    document.getElementById('nav-topics').classList.toggle('active', hash.startsWith('#/topics'));
    document.getElementById('nav-groups').classList.toggle('active', !hash.startsWith('#/topics'));
    let refresh;
    if (hash.startsWith('#/group/')) {
      const state = groupState(decodeURIComponent(hash.slice('#/group/'.length)));
      refresh = () => showGroup(state);
    } else if (hash.startsWith('#/topics')) {
      refresh = showTopics;
    } else {
      refresh = showGroups;
    }
    const current = location.hash;
    const loop = async () => {
      try {
        await refresh();
        setStatus('live · ' + new Date().toLocaleTimeString([], { hour12: false }));
      } catch (error) {
        setStatus('retrying: ' + error.message);
      }
      if (location.hash === current) { timer = setTimeout(loop, POLL_MS); }
    };
    loop();
  }

  window.addEventListener('hashchange', route);
  route();
}());

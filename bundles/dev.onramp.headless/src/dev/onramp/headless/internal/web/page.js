// Copyright (c) 2026 Onramp contributors. SPDX-License-Identifier: EPL-2.0
// The provisioning page: everything it shows comes from api/state and is written with textContent (network names
// come from the air and may hold markup); the password leaves only in the body of a POST to api/connect.
'use strict';

(() => {
	const POLL_MS = 400;
	const $ = (id) => document.getElementById(id);
	const SECURITY = {
		'0': 'Security 0 (no encryption)',
		'1': 'Security 1 (X25519, AES-CTR, proof of possession)',
		'2': 'Security 2 (SRP6a, AES-GCM)'
	};
	let selected = null; // {ssid, secured, hidden}
	let shownKey = null;
	let networksShown = false;
	let stopped = false;

	function show(id, visible) {
		$(id).hidden = !visible;
	}

	function renderDevice(device) {
		$('security').textContent = SECURITY[device.security] || ('Security ' + device.security);
		$('proto-version').textContent = device.proto_version + (device.rainmaker ? ' (RainMaker)' : '');
		$('capabilities').textContent = device.capabilities.length ? device.capabilities.join(', ') : 'none';
	}

	function bars(count) {
		const element = document.createElement('span');
		element.className = 'bars';
		element.setAttribute('aria-label', count + ' of 4 bars');
		for (let i = 1; i <= 4; i++) {
			const bar = document.createElement('span');
			if (i <= count) {
				bar.className = 'on';
			}
			element.appendChild(bar);
		}
		return element;
	}

	function renderNetworks(networks) {
		const list = $('networks');
		list.replaceChildren();
		for (const network of networks) {
			const item = document.createElement('li');
			item.className = 'network';
			item.tabIndex = 0;
			item.dataset.ssid = network.ssid;
			item.title = network.rssi + ' dBm, channel ' + network.channel;
			item.appendChild(bars(network.bars));
			const name = document.createElement('span');
			name.className = 'ssid';
			name.textContent = network.ssid;
			item.appendChild(name);
			const lock = document.createElement('span');
			lock.className = 'lock';
			lock.textContent = network.secured ? '\u{1F512}' : '';
			lock.setAttribute('aria-label', network.secured ? 'secured' : 'open');
			item.appendChild(lock);
			const choose = () => select({ ssid: network.ssid, secured: network.secured, hidden: false }, item);
			item.addEventListener('click', choose);
			item.addEventListener('keydown', (event) => {
				if (event.key === 'Enter' || event.key === ' ') {
					event.preventDefault();
					choose();
				}
			});
			list.appendChild(item);
		}
		if (!networks.length) {
			const empty = document.createElement('li');
			empty.textContent = 'The device sees no network. Use "Join another network" for a hidden one.';
			list.appendChild(empty);
		}
	}

	function select(network, item) {
		selected = network;
		for (const other of document.querySelectorAll('#networks li')) {
			other.classList.toggle('selected', other === item);
		}
		show('credentials', true);
		show('other-row', network.hidden);
		show('password-row', network.hidden || network.secured);
		$('chosen').textContent = network.hidden ? 'A network that does not broadcast its name:'
			: 'Network: ' + network.ssid + (network.secured ? '' : ' (open, no password)');
		$('password').value = '';
		$('form-error').textContent = '';
		$('connect').disabled = false;
		(network.hidden ? $('other-ssid') : network.secured ? $('password') : $('connect')).focus();
	}

	async function connect(event) {
		event.preventDefault();
		if (!selected) {
			return;
		}
		const ssid = selected.hidden ? $('other-ssid').value : selected.ssid;
		if (!ssid) {
			$('form-error').textContent = 'Type the name of the network.';
			return;
		}
		if (new TextEncoder().encode(ssid).length > 32) {
			$('form-error').textContent = 'A network name has at most 32 bytes.';
			return;
		}
		const password = $('password').value;
		$('password').value = '';
		$('connect').disabled = true;
		$('form-error').textContent = '';
		try {
			const response = await fetch('api/connect', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ ssid: ssid, password: password }),
				cache: 'no-store',
				credentials: 'same-origin'
			});
			if (response.status !== 202) {
				const answer = await response.json().catch(() => ({}));
				$('form-error').textContent = answer.error || ('The request was refused (' + response.status + ').');
				$('connect').disabled = false;
			}
		} catch (e) {
			gone();
		}
	}

	async function giveUp() {
		$('give-up').disabled = true;
		$('retry').disabled = true;
		try {
			await fetch('api/give-up', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: '{}',
				cache: 'no-store',
				credentials: 'same-origin'
			});
		} catch (e) {
			gone();
		}
	}

	function retry() {
		const network = selected && !selected.hidden ? selected : { ssid: null, secured: true, hidden: true };
		const item = [...document.querySelectorAll('#networks li')].find((li) => li.dataset.ssid === network.ssid);
		select(network, item);
		show('choose', true);
	}

	function renderResult(state) {
		show('result', true);
		show('result-ip', false);
		show('retry-row', false);
		show('closing', state.final);
		$('result-hint').textContent = state.hint || '';
		if (state.phase === 'connected') {
			$('result-title').textContent = 'Connected';
			$('result-message').textContent = state.confirmed ? 'The device joined "' + state.ssid + '".'
				: 'The credentials for "' + state.ssid + '" were applied, then the device closed the connection:'
					+ ' it has probably joined the network and left provisioning mode.';
			if (state.ip) {
				$('ip').textContent = state.ip;
				show('result-ip', true);
			}
		} else {
			$('result-title').textContent = state.phase === 'ended' ? 'Stopped' : 'Not connected';
			$('result-message').textContent = state.message || '';
			if (state.retry) {
				show('retry-row', true);
				$('retry').disabled = false;
				$('give-up').disabled = false;
			}
		}
	}

	function render(state) {
		renderDevice(state.device);
		if (!networksShown) {
			renderNetworks(state.networks);
			networksShown = true;
		}
		const key = state.phase + '|' + state.message + '|' + state.final;
		if (state.phase === 'connecting') {
			$('progress-text').textContent = state.progress || ('Sending "' + state.ssid + '" to the device…');
		}
		if (key === shownKey) {
			return;
		}
		shownKey = key;
		show('progress', state.phase === 'connecting');
		if (state.phase === 'choose') {
			show('choose', true);
			show('result', false);
		} else if (state.phase === 'connecting') {
			show('choose', false);
			show('result', false);
		} else if (state.phase === 'failed' && state.retry) {
			renderResult(state);
			retry();
		} else {
			show('choose', false);
			renderResult(state);
		}
	}

	function gone() {
		if (!stopped) {
			stopped = true;
			show('gone', true);
			for (const button of document.querySelectorAll('button')) {
				button.disabled = true;
			}
		}
	}

	async function poll() {
		let state;
		try {
			const response = await fetch('api/state', { cache: 'no-store', credentials: 'same-origin' });
			if (!response.ok) {
				gone();
				return;
			}
			state = await response.json();
		} catch (e) {
			gone();
			return;
		}
		render(state);
		if (state.final) {
			stopped = true;
		} else {
			setTimeout(poll, POLL_MS);
		}
	}

	document.addEventListener('DOMContentLoaded', () => {
		$('credentials').addEventListener('submit', connect);
		$('join-other').addEventListener('click', () => select({ ssid: null, secured: true, hidden: true }, null));
		$('retry').addEventListener('click', retry);
		$('give-up').addEventListener('click', giveUp);
		$('show-password').addEventListener('change', (event) => {
			$('password').type = event.target.checked ? 'text' : 'password';
		});
		poll();
	});
})();

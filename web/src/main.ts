// Entry point: styles, language, then the app shell (which asks the server who is signed in).

import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/directory.css';
import './styles/map.css';
import './styles/profile.css';
import './styles/territories.css';
import './styles/forms.css';
import './styles/admin.css';
import './styles/screening.css';
import './styles/data.css';
import { App } from './app';
import { initLang, safeStorage } from './i18n/i18n';
import { session } from './session';

initLang(safeStorage(), navigator.languages ?? [navigator.language]);
const root = document.getElementById('app');
if (root) new App(root, session).start();

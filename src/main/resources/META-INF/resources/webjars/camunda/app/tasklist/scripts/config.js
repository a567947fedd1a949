/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Norsk bokmål for alle: "nb" er eneste tilgjengelige språk og også reservespråket,
  // så nettlesere med nb, nb-NO, no, nn eller en får alle locales/nb.json.
  "locales": {
     "availableLocales": ["nb"],
     "fallbackLocale": "nb"
   },
  // Camunda Forms (form-js) har egne engelske meldinger; skriptet oversetter dem til bokmål.
  // dato-nb gives the forms' date fields dd.mm.åååå and a Norwegian calendar whatever the browser's language.
  // sprak-nb sets the page language to nb (index.html of the webjar declares lang="en").
  customScripts: ['scripts/skjema-nb', 'scripts/dato-nb', 'scripts/sprak-nb'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Descriptions are shown in Tasklist's keyboard shortcut dialog.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tar den valgte oppgaven'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flytter fokus til det første filteret i listen'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flytter fokus til den første oppgaven i listen'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flytter fokus til det første feltet i skjemaet'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'åpner dialogen for å starte en prosess'
    }
  }
};

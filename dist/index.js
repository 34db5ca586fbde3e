import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 929:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
;// CONCATENATED MODULE: ./src/cancel-signal.ts
/**
 * Cancel arrives as SIGINT (Ctrl+C, or the runner's cancel), then SIGTERM 7.5 s later, then a
 * kill 2.5 s after that (docs/sources.md, "Cancelling a step"): the first signal stops new work, so
 * progress is saved well inside those 10 seconds. `onFirst` says so, once, where people look.
 */
function abortOnCancelSignals(onFirst) {
    const controller = new AbortController();
    const cancel = (signal) => {
        if (!controller.signal.aborted)
            onFirst(signal);
        controller.abort(new Error(`cancelled by ${signal}`));
    };
    process.on('SIGINT', cancel);
    process.on('SIGTERM', cancel);
    return controller.signal;
}

// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __nccwpck_require__(529);
// EXTERNAL MODULE: ./src/github/follow-up-run.ts
var follow_up_run = __nccwpck_require__(994);
// EXTERNAL MODULE: ./src/progress/progress-publisher.ts
var progress_publisher = __nccwpck_require__(181);
// EXTERNAL MODULE: ./src/vivenu/vivenu-client.ts + 1 modules
var vivenu_client = __nccwpck_require__(633);
;// CONCATENATED MODULE: ./src/webhook/pacer.ts
/**
 * Spaces delivery starts at least `intervalMs` apart, start to start: a 300 ms answer does not
 * stretch a 1.8 s cadence to 2.1 s, and a late timer never makes the next gap shorter. Turns
 * are kept on the clock's monotonic reading: a wall clock stepped back 120 s (NTP) would
 * otherwise put the next turn 120 s away (issue 23, row 5).
 */
class Pacer {
    intervalMs;
    clock;
    nextStart = Number.NEGATIVE_INFINITY;
    constructor(intervalMs, clock) {
        this.intervalMs = intervalMs;
        this.clock = clock;
    }
    /**
     * When the next turn would start (on the monotonic clock), waiting for `notBefore` too: now,
     * or later when the last turn was less than the interval ago.
     */
    nextTurnAt(notBefore = Number.NEGATIVE_INFINITY) {
        return Math.max(this.nextStart, notBefore, this.clock.monotonic());
    }
    /**
     * Waits for the next turn (and for `notBefore`, a monotonic time, e.g. a retry's backoff),
     * then claims it. Returns false without claiming when `signal` aborts first.
     */
    async turn(signal, notBefore = Number.NEGATIVE_INFINITY) {
        const target = Math.max(this.nextStart, notBefore);
        // Timers may fire a millisecond early: wait again until the turn has really come.
        for (let wait = target - this.clock.monotonic(); wait > 0 && !signal?.aborted; wait = target - this.clock.monotonic()) {
            await this.clock.sleep(wait, signal);
        }
        if (signal?.aborted)
            return false;
        this.nextStart = this.clock.monotonic() + this.intervalMs;
        return true;
    }
}

// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __nccwpck_require__(902);
// EXTERNAL MODULE: ./src/format.ts
var format = __nccwpck_require__(264);
// EXTERNAL MODULE: ./src/vivenu/tickets.ts + 1 modules
var vivenu_tickets = __nccwpck_require__(553);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
// EXTERNAL MODULE: ./src/vivenu/ticket-json.ts
var ticket_json = __nccwpck_require__(68);
;// CONCATENATED MODULE: ./src/webhook/envelope.ts


/**
 * Starts every delivery's `webhookId`, as in the earlier tool's deliveries, which the receiver
 * was built against and may key on (docs/sources.md, "Its envelope"): it tells a replay
 * from a live event.
 */
const WEBHOOK_ID_PREFIX = 'historical-sync-';
/** This tool's namespace for delivery ids, fixed once: changing it would change every id. */
const DELIVERY_ID_NAMESPACE = 'b1f2d3c4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const DELIVERY_ID_NAMESPACE_BYTES = Buffer.from(DELIVERY_ID_NAMESPACE.replace(/-/g, ''), 'hex');
/** RFC 9562 UUID version 5 (SHA-1, name-based): the same name always gives the same id. */
function uuidV5(name, namespace = DELIVERY_ID_NAMESPACE) {
    const namespaceBytes = namespace === DELIVERY_ID_NAMESPACE
        ? DELIVERY_ID_NAMESPACE_BYTES
        : Buffer.from(namespace.replace(/-/g, ''), 'hex');
    // One-shot `hash` (Node 20.12+), no Hash object per id: the ledger asks for 100,000 at once.
    const digest = (0,external_node_crypto_.hash)('sha1', Buffer.concat([namespaceBytes, Buffer.from(name, 'utf8')]), 'buffer');
    const bytes = digest.subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    // One flat string: a template of five slices would keep the slices and their joins alive
    // for as long as the id is (a ledger holds 100,000 of them).
    return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
/**
 * The delivery id of a ticket: the same in every attempt and every run, so the receiver's
 * deduplication on `id` also catches our own retries.
 */
function deliveryId(ticket) {
    return uuidV5(ticket._id);
}
/**
 * `historical-sync-` and the first 8 characters of the delivery id, the earlier tool's form.
 * Taken from our stable id, so it too is the same in every attempt and every run.
 */
function webhookIdFor(id) {
    return `${WEBHOOK_ID_PREFIX}${id.slice(0, 8)}`;
}
/**
 * The envelope's `sellerId`: always a string, as the receiver's types declare it and the
 * earlier tool sent it. Decided: a ticket without one, or with one that is not a string
 * (null, a number: not what Vivenu's spec allows), gets `""` rather than a guess at a
 * conversion; the ticket itself still goes through unchanged in `data.ticket`.
 */
function envelopeSellerId(ticket) {
    return typeof ticket.sellerId === 'string' ? ticket.sellerId : '';
}
/**
 * The exact bytes of a Vivenu-shaped `ticket.created` delivery. The ticket goes through
 * unchanged, every field kept, each number as Vivenu wrote it (`ticketJson`: issue 23, row 3).
 * Built once per ticket; every attempt sends these bytes, and they are what is signed.
 */
function envelopeBody(ticket) {
    const id = deliveryId(ticket);
    const envelope = {
        id,
        sellerId: envelopeSellerId(ticket),
        webhookId: webhookIdFor(id),
        type: 'ticket.created',
        mode: 'prod',
        data: { ticket },
    };
    return Buffer.from((0,ticket_json/* ticketJson */.Xe)(envelope), 'utf8');
}
/** `x-vivenu-signature`: lowercase hex HMAC-SHA256 of the raw body bytes. */
function signature(body, secret) {
    return (0,external_node_crypto_.createHmac)('sha256', secret).update(body).digest('hex');
}

;// CONCATENATED MODULE: ./src/webhook/webhook-sender.ts





/** Three retries after the first try, as the issue's receiver contract asks. */
const webhookRetryPolicy = {
    maxAttempts: 4,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 60_000,
};
/** After a stop is asked for, the delivery in flight gets this long to answer. */
const IN_FLIGHT_GRACE_MS = 5_000;
/** An answer is shown and recorded this long at most (after redaction). */
const ANSWER_CHARACTERS = 200;
/**
 * An answer's body is read this far, after decompression (fetch inflates gzip, deflate and
 * brotli by itself with no limit: docs/sources.md, "Redirects and compressed answers"), and the rest discarded: a
 * few bytes that inflate to gigabytes cannot fill memory.
 */
const ANSWER_BYTES_READ = 64 * 1024;
/** Delivers tickets as signed `ticket.created` webhooks, paced, with targeted retries. */
class WebhookSender {
    options;
    retry;
    random;
    constructor(options) {
        this.options = options;
        this.retry = options.retry ?? webhookRetryPolicy;
        this.random = options.random ?? Math.random;
    }
    /**
     * Delivers `ticket`, retrying what may pass. No attempt starts at or after `deadlineMs` (on the
     * clock's monotonic reading; the time budget's end): a wait that would reach it ends the
     * delivery at once, as `out-of-time` (issue 23, row 4: a Retry-After of an hour, capped at a
     * minute, started attempts 61 s past a 2-minute budget).
     */
    async deliver(ticket, deadlineMs = Number.POSITIVE_INFINITY) {
        const { clock, pacer, stop } = this.options;
        const body = envelopeBody(ticket);
        const headers = {
            'content-type': 'application/json',
            'user-agent': 'vivenu-historical-sync',
            'x-delivery-id': deliveryId(ticket),
        };
        if (this.options.secret)
            headers['x-vivenu-signature'] = signature(body, this.options.secret);
        if (pacer.nextTurnAt() >= deadlineMs)
            return { kind: 'out-of-time', attempts: 0, reason: '' };
        if (!(await pacer.turn(stop)))
            return { kind: 'interrupted', attempts: 0 };
        let refusedInARow = 0;
        /** Why the coming retry cannot start before the deadline, when it cannot. */
        let late;
        return (0,retry/* retrying */.R$)(async (attempt) => {
            const outcome = await this.tryDelivery(ticket, body, headers, attempt, refusedInARow);
            if (outcome.kind === 'retry')
                refusedInARow = outcome.refused ? refusedInARow + 1 : 0;
            return outcome;
        }, {
            policy: this.retry,
            random: this.random,
            // Only an answer has a status, and its words after the count.
            exhausted: ({ reason, status, answer }, attempts) => ({
                kind: 'failed',
                ...(status === undefined ? {} : { status }),
                reason: `${reason} after ${attempts} attempts${status === undefined ? '' : `: ${answer}`}`,
                attempts,
                transient: true,
            }),
            // A retry that could not start before the deadline is neither announced nor waited for.
            onRetry: ({ reason, retryAfterMs }, attempt, delayMs) => {
                late = this.pastDeadline(ticket, delayMs, retryAfterMs, deadlineMs);
                if (late !== undefined)
                    return;
                this.options.logger?.info(`  ${(0,log_text/* logText */.kc)(ticket._id)}: ${(0,log_text/* logText */.kc)(reason)}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s (same id)`);
            },
            // A retry waits for its backoff and for its turn, as every delivery start does.
            wait: async (delayMs, attempts) => {
                if (late !== undefined)
                    return { kind: 'give-up', value: { kind: 'out-of-time', attempts, reason: late } };
                return (await pacer.turn(stop, clock.monotonic() + delayMs))
                    ? undefined
                    : { kind: 'give-up', value: { kind: 'interrupted', attempts } };
            },
        });
    }
    /**
     * Why a retry after `delayMs` (the receiver asked for `retryAfterMs`, perhaps more than the
     * policy waits) cannot start before `deadlineMs`; undefined when it can. What the receiver
     * asked for counts: a retry it said it will not take before then would only be refused.
     */
    pastDeadline(ticket, delayMs, retryAfterMs, deadlineMs) {
        const { clock, pacer } = this.options;
        const now = clock.monotonic();
        const wanted = Math.max(delayMs, retryAfterMs ?? 0);
        if (pacer.nextTurnAt(now + wanted) < deadlineMs)
            return undefined;
        const left = `${(0,format/* count */.U)(Math.max(0, Math.floor((deadlineMs - now) / 1000)))} s left of max-runtime-minutes`;
        const asked = retryAfterMs !== undefined && retryAfterMs >= delayMs
            ? `the receiver asked to wait ${waitWords(retryAfterMs)} (Retry-After)`
            : `the next try would wait ${waitWords(wanted)}`;
        return (`${asked} before trying ticket ${(0,log_text/* logText */.kc)(ticket._id)} again, longer than the ${left}: ` +
            'the run ends now. The ticket was not delivered; the next run sends it (same id).');
    }
    /** One delivery attempt and what it means: delivered, a final answer, or worth a retry. */
    async tryDelivery(ticket, body, headers, attempt, refusedBefore) {
        const end = (value) => ({ kind: 'give-up', value });
        const result = await this.post(body, headers, refusedBefore);
        if (result.kind === 'interrupted')
            return end({ kind: 'interrupted', attempts: attempt });
        if (result.kind === 'redirect') {
            return end({
                kind: 'unusable',
                status: result.status,
                reason: redirectReason(result.status, result.location, this.options.url),
                attempts: attempt,
            });
        }
        if (result.kind === 'network') {
            const { failure } = result;
            if (failure.lasting) {
                return end({
                    kind: 'unusable',
                    status: null,
                    reason: `webhook-url (${new URL(this.options.url).origin}) cannot work: ${failure.lasting}. Nothing was delivered to it; no retry can fix this.`,
                    attempts: attempt,
                });
            }
            return { kind: 'retry', reason: failure.reason, refused: failure.refused };
        }
        const { status, text, retryAfter } = result;
        const answer = displayAnswer(text, ticket);
        if (status >= 200 && status < 300) {
            return { kind: 'done', value: { kind: 'delivered', status, attempts: attempt, answer } };
        }
        if (status === 401 || status === 403)
            return end({ kind: 'rejected', status, reason: answer });
        if (!(0,retry/* isRetryableStatus */.PS)(status)) {
            return end({ kind: 'failed', status, reason: answer, attempts: attempt, transient: false });
        }
        return {
            kind: 'retry',
            reason: `HTTP ${status}`,
            // An HTTP date is a wall-clock time: it is read against the wall clock.
            retryAfterMs: (0,retry/* parseRetryAfter */.mu)(retryAfter, this.options.clock.now()),
            status,
            answer,
            refused: false,
        };
    }
    /**
     * One POST of the exact signed bytes, to webhook-url only: a redirect is returned, never
     * followed (fetch would follow it by default, re-posting the body on 307/308 and turning
     * 301/302/303 into a GET without it: docs/sources.md, "Redirects and compressed answers"). A stop gives the answer a
     * short grace, then aborts.
     */
    async post(body, headers, refusedBefore) {
        const { stop } = this.options;
        const grace = new AbortController();
        const startGrace = () => {
            setTimeout(() => grace.abort(new Error('stopped')), IN_FLIGHT_GRACE_MS).unref();
        };
        if (stop?.aborted)
            startGrace();
        else
            stop?.addEventListener('abort', startGrace, { once: true });
        const timeout = AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000);
        try {
            const response = await fetch(this.options.url, {
                method: 'POST',
                headers,
                body,
                redirect: 'manual',
                signal: AbortSignal.any([timeout, grace.signal]),
            });
            if (response.status >= 300 && response.status < 400) {
                await response.body?.cancel().catch(() => { });
                return {
                    kind: 'redirect',
                    status: response.status,
                    location: response.headers.get('location'),
                };
            }
            const text = await readAnswer(response, ANSWER_BYTES_READ);
            return {
                kind: 'answer',
                status: response.status,
                text,
                retryAfter: response.headers.get('retry-after'),
            };
        }
        catch (error) {
            if (grace.signal.aborted)
                return { kind: 'interrupted' };
            return {
                kind: 'network',
                failure: (0,retry/* classifyNetworkFailure */.Po)(error, this.options.url, refusedBefore),
            };
        }
        finally {
            stop?.removeEventListener('abort', startGrace);
        }
    }
}
/** A wait in seconds, as said: a Retry-After of 400 digits is "over a year", not "∞ s". */
function waitWords(ms) {
    return ms > 365 * 86_400_000 ? 'over a year' : `${(0,format/* count */.U)(Math.ceil(ms / 1000))} s`;
}
/**
 * The first `maxBytes` of the body (as fetch hands it: decompressed), read chunk by chunk; the
 * rest is cancelled unread. A cut inside a character shows as U+FFFD.
 */
async function readAnswer(response, maxBytes) {
    if (!response.body)
        return '';
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = 0;
    let finished = false;
    try {
        while (bytes < maxBytes) {
            const { done, value } = await reader.read();
            if (done) {
                finished = true;
                break;
            }
            const kept = value.length > maxBytes - bytes ? value.subarray(0, maxBytes - bytes) : value;
            chunks.push(kept);
            bytes += kept.length;
        }
    }
    finally {
        if (!finished)
            await reader.cancel().catch(() => { });
    }
    return new TextDecoder().decode(Buffer.concat(chunks, bytes));
}
/**
 * An answer as it may be shown and recorded: the ticket's values and emails redacted first,
 * then one line, then cut (a cut made first could leave half an email no pattern matches).
 */
function displayAnswer(text, ticket) {
    return (0,vivenu_tickets/* redactPersonalData */.Ut)(text, ticket).replace(/\s+/g, ' ').trim().slice(0, ANSWER_CHARACTERS);
}
/**
 * Why a 3xx is not a delivery, naming only the target's origin (a path or query may hold a
 * token) and what to set instead.
 */
function redirectReason(status, location, webhookUrl) {
    const to = location !== null && URL.canParse(location, webhookUrl)
        ? ` to ${(0,log_text/* logText */.kc)(new URL(location, webhookUrl).origin)}`
        : '';
    return (`The receiver answered ${status}, a redirect${to}, which is not followed: the signed ticket ` +
        `goes only to webhook-url (${new URL(webhookUrl).origin}). Set webhook-url to the final address.`);
}

;// CONCATENATED MODULE: ./src/services/run-services.ts





function createRunServices(settings, basics) {
    const signal = basics.signal ?? new AbortController().signal;
    const random = basics.random ?? Math.random;
    const { logger, clock } = basics;
    const requestTimeoutMs = settings.requestTimeoutSeconds * 1000;
    return {
        logger,
        clock,
        signal,
        random,
        vivenu: new vivenu_client/* VivenuClient */.vY({
            origin: settings.vivenuOrigin,
            apiKey: settings.apiKey,
            region: settings.region,
            clock,
            logger,
            random,
            retry: basics.vivenuRetry,
            requestTimeoutMs,
            signal,
        }),
        newWebhookSender: (intervalMs) => new WebhookSender({
            url: settings.webhookUrl,
            secret: settings.webhookSecret,
            clock,
            pacer: new Pacer(intervalMs, clock),
            random,
            retry: basics.webhookRetry,
            requestTimeoutMs,
            stop: signal,
            logger,
        }),
        progressPublisher: basics.github?.progressPublisher ?? progress_publisher/* keepLocally */._,
        followUp: basics.github?.followUp ?? follow_up_run/* noFollowUp */.C,
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
// EXTERNAL MODULE: ./src/progress/progress-store.ts
var progress_store = __nccwpck_require__(748);
;// CONCATENATED MODULE: ./src/modes/pull-only.ts




/**
 * Pull-only: every event's tickets as files, and (when a progress file exists) its delivery
 * ledger; nothing is sent and nothing recorded. A pull that cannot be trusted fails the run
 * after every event is pulled, so the files of the others are still written.
 */
function pullOnly(run) {
    const untrusted = [];
    let progress;
    return {
        selectionLog: 'quiet',
        async open() {
            progress = await progressForLedger(run);
        },
        wants: () => Promise.resolve(true),
        take(pulled) {
            if (pulled.untrusted !== undefined)
                untrusted.push(pulled.untrusted);
            return Promise.resolve('next');
        },
        ledgerProgress: () => progress,
        close: () => Promise.resolve(),
        conclude() {
            if (untrusted.length > 0)
                throw new errors/* RunStoppedError */.Fz(untrusted.join('\n'));
            return Promise.resolve();
        },
    };
}
/**
 * Pull-only reads the progress file for the ledger's states, without a lock (it writes none).
 * A file it cannot read costs the ledger, never the pull: said once, and the pull goes on.
 */
async function progressForLedger({ settings, services, }) {
    // Without a progress file every eligible ticket would be `pending`: a ledger that says
    // nothing the tickets' files do not, and on Node 24 it put the peak memory of pulling
    // 100,000 tickets over its goal (bench/README.md). A sync, even a dry run, writes one.
    if (!(0,external_node_fs_.existsSync)(settings.progressFile)) {
        services.logger.info('No delivery ledger this run: there is no progress file yet (a sync, or its dry run, writes the ledger).');
        return undefined;
    }
    try {
        return await (0,progress_store/* readProgress */.gQ)(settings.progressFile, settings.receiver.address);
    }
    catch (error) {
        services.logger.warning(`No delivery ledger this run: progress-file could not be read (${(0,log_text/* logText */.kc)(error.message)}). The pulled files are written as usual.`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/progress/progress.ts + 2 modules
var progress_progress = __nccwpck_require__(414);
;// CONCATENATED MODULE: ./src/select/select-tickets.ts

/**
 * Which pulled tickets count: of the event (`eventId`), status in `statuses`, `ticketName`
 * containing `nameContains`, and not already counted in an earlier event of the run.
 */
function selectTickets(tickets, rules) {
    const statuses = new Set(rules.statuses);
    const needle = rules.nameContains.toLowerCase();
    const event = rules.eventId?.toLowerCase();
    const selection = {
        eligible: [],
        total: tickets.length,
        rejectedStatus: 0,
        rejectedName: 0,
        otherEvent: 0,
        // Keys are event ids from the run: a null prototype keeps `__proto__` an ordinary key.
        eligibleEarlier: Object.create(null),
        invalid: [],
        soldAfterCutoff: [],
    };
    const cutoff = rules.soldBefore?.ms;
    for (const ticket of tickets) {
        const status = (0,vivenu_tickets/* stringField */.OM)(ticket, 'status');
        const ticketName = (0,vivenu_tickets/* stringField */.OM)(ticket, 'ticketName');
        const ticketEvent = (0,vivenu_tickets/* stringField */.OM)(ticket, 'eventId');
        const earlier = rules.eligibleEarlier?.(ticket._id);
        if (typeof ticket._id !== 'string' ||
            (event !== undefined && ticketEvent === undefined) ||
            status === undefined ||
            ticketName === undefined) {
            selection.invalid.push(ticket);
        }
        else if (event !== undefined && ticketEvent.toLowerCase() !== event) {
            // Vivenu ids are lower-case hex; event-id input is lower-cased, so any case matches.
            selection.otherEvent++;
        }
        else if (!statuses.has(status)) {
            selection.rejectedStatus++;
        }
        else if (!ticketName.toLowerCase().includes(needle)) {
            selection.rejectedName++;
        }
        else if (cutoff !== undefined && !((0,vivenu_tickets/* createdAtMs */.aF)(ticket) < cutoff)) {
            selection.soldAfterCutoff.push(ticket);
        }
        else if (earlier !== undefined) {
            selection.eligibleEarlier[earlier] = (selection.eligibleEarlier[earlier] ?? 0) + 1;
        }
        else {
            selection.eligible.push(ticket);
        }
    }
    selection.eligible.sort(vivenu_tickets/* compareByCreation */.gx);
    selection.soldAfterCutoff.sort(vivenu_tickets/* compareByCreation */.gx);
    return selection;
}

;// CONCATENATED MODULE: ./src/select/why-not-eligible.ts


/**
 * Why `ticket` is not eligible under `rules` (without the once-per-run rule), in the words the
 * ledger, the summary and redeliver's refusals use; undefined when it is eligible. The
 * selection itself decides, so this can never disagree with what a run delivers.
 */
function whyNotEligible(ticket, rules) {
    const { eligibleEarlier, ...eligibility } = rules;
    void eligibleEarlier;
    const selection = selectTickets([ticket], eligibility);
    if (selection.eligible.length > 0)
        return undefined;
    if (selection.invalid.length > 0)
        return 'now without an eventId, ticketName or status';
    if (selection.otherEvent > 0)
        return 'now of another event';
    if (selection.rejectedStatus > 0)
        return `status now ${(0,vivenu_tickets/* stringField */.OM)(ticket, 'status')}`;
    if (selection.soldAfterCutoff.length > 0)
        return soldAfterReason(rules);
    return `ticketName no longer contains "${rules.nameContains}"`;
}
/** A ticket `sold-before` leaves out, in words: its cutoff to the second, as the ledger's times are. */
function soldAfterReason(rules) {
    const cutoff = rules.soldBefore
        ? new Date(rules.soldBefore.ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
        : '';
    return `sold at or after sold-before (${cutoff}): the live webhook sent it`;
}

// EXTERNAL MODULE: ./src/vivenu/event-info.ts
var event_info = __nccwpck_require__(374);
;// CONCATENATED MODULE: ./src/run-report.ts

/** Tickets pulled, every event together: the one count of what was found. */
function ticketsFound(report) {
    return report.pulls.reduce((sum, pull) => sum + pull.metadata.total_pulled, 0);
}
function syncTotals(report) {
    const sum = (pick) => report.syncs.reduce((total, sync) => total + pick(sync), 0);
    return {
        found: sum((s) => s.found),
        eligible: sum((s) => s.eligible),
        deliveredBefore: sum((s) => s.deliveredBefore),
        sentNow: sum((s) => s.sentNow),
        failed: sum((s) => s.failed),
        remaining: sum((s) => s.remaining),
    };
}
/**
 * Eligible tickets of the requested events and how many are delivered, over all runs: the
 * headline's one source. How far the events stand (the ledger's count, which knows tickets
 * changed since delivery) when the run made standings; else what this run's selections saw,
 * an event passed over as complete counting its delivered tickets as its eligible ones.
 */
function deliveredOfEligible(report) {
    const sum = (items, pick) => items.reduce((total, item) => total + pick(item), 0);
    const standings = report.standings ?? [];
    if (standings.length > 0)
        return {
            delivered: sum(standings, (s) => s.delivered),
            eligible: sum(standings, (s) => s.eligible),
        };
    const passedOver = report.syncs.filter((s) => s.passedOverAsComplete);
    const totals = syncTotals(report);
    return {
        delivered: totals.deliveredBefore + totals.sentNow,
        eligible: totals.eligible + sum(passedOver, (s) => s.deliveredBefore),
    };
}
/**
 * An event as the summaries show it: "HYROX Berlin (2026-05-23 to 2026-05-24) · <id>", or the
 * id alone when Vivenu did not tell its name. The name is an outside value: escape it for where
 * it goes.
 */
function eventLabel(report, eventId) {
    const info = report.events?.find((event) => event.eventId === eventId);
    return info ? `${(0,event_info/* eventTitle */.X_)(info)} · ${eventId}` : eventId;
}
const TITLE_NAMES = 3;
/** The known events' names for a title: "HYROX Berlin (…)", or "A (…), B (…) and 2 more". */
function eventsInTitle(report) {
    const titles = (report.events ?? []).map(event_info/* eventTitle */.X_);
    if (titles.length <= TITLE_NAMES)
        return titles.join(', ');
    return `${titles.slice(0, TITLE_NAMES).join(', ')} and ${titles.length - TITLE_NAMES} more`;
}
/**
 * Delivered of eligible as a percent with one decimal, rounded down: 100.0% only when every
 * eligible ticket is delivered.
 */
function percentDelivered({ delivered, eligible }) {
    if (eligible === 0)
        return 'nothing eligible';
    return `${(Math.floor((delivered / eligible) * 1000) / 10).toFixed(1)}%`;
}
/**
 * `█████░░░░░`: `cells` wide, full only when every eligible ticket is delivered (nothing
 * eligible counts as done), each cell rounded down.
 */
function progressBar({ delivered, eligible }, cells) {
    const filled = eligible === 0 ? cells : Math.floor((delivered / eligible) * cells);
    return `${'█'.repeat(filled)}${'░'.repeat(cells - filled)}`;
}

;// CONCATENATED MODULE: ./src/report/summary-phrases.ts


/** "1 h 12 min", "3 min 20 s", "12 s"; a zero part left out ("2 h", "1 min"). */
function duration(ms) {
    const seconds = Math.round(ms / 1000);
    if (seconds < 60)
        return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
    const hours = Math.floor(minutes / 60);
    return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
/**
 * A count with its noun, singular only for exactly one: "1 ticket", "2 tickets", "0 tickets",
 * "1,200 runs". The plural is the noun with an "s" unless told ("1 entry", "3 entries").
 */
function counted(n, singular, plural = `${singular}s`) {
    return `${(0,format/* count */.U)(n)} ${n === 1 ? singular : plural}`;
}
/** The receiver in words, as the title, the verdict and the tables name it. */
function receiverInWords(report) {
    if (report.receiver === 'production')
        return 'the PRODUCTION receiver';
    if (report.receiver === 'test')
        return 'the test receiver';
    return `the receiver at ${report.webhookUrl}`;
}
/**
 * Staging tickets bound for the production receiver, said first wherever a run is summed up
 * (the earlier tool sent DEV tickets there, so it stays allowed, but never unremarked);
 * undefined for any other run.
 */
function stagingToProduction(report) {
    if (!report.stagingTickets || report.receiver !== 'production' || report.mode === 'pull-only')
        return undefined;
    return `Staging tickets (${report.region}) to the PRODUCTION receiver`;
}
/**
 * The tickets left out by `sold-before`, counted apart: "Sold after the live webhook went on
 * (sold-before 29 Jul 2025 00:00 UTC): 212 charity tickets, not sent." Undefined without a
 * cutoff.
 */
function soldAfterCutoffText(report, tickets) {
    if (report.soldBefore === undefined)
        return undefined;
    return `Sold after the live webhook went on (sold-before ${humanDate(report.soldBefore)}): ${counted(tickets, 'charity ticket')}, not sent.`;
}
/**
 * A run without webhook-secret, said before its deliveries (the log) and after (the summary):
 * a receiver that checks signatures refuses every one.
 */
function unsignedWarning(when) {
    return when === 'before'
        ? 'webhook-secret is empty: deliveries go unsigned, and a receiver that verifies x-vivenu-signature will answer 401.'
        : 'webhook-secret is empty: deliveries went unsigned, and a receiver that verifies x-vivenu-signature answers 401.';
}
/** "1 run", "3 runs": the follow-up runs the time left takes at the time budget. */
function runsText(runs) {
    return counted(runs, 'run');
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * A moment as people read it, in UTC so every runner and reader sees the same: "6 Jan 2025
 * 09:00 UTC". Built by hand rather than with Intl, whose output differs between Node's ICU
 * builds. Text that is not a date comes back as it is (it is an outside value: escape it for
 * where it goes); null is "-".
 */
function humanDate(moment) {
    if (moment === null)
        return '-';
    const date = new Date(moment);
    if (Number.isNaN(date.getTime()))
        return String(moment);
    const two = (n) => String(n).padStart(2, '0');
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}
/** The summary's words for a first team sent whole over `limit`; the limit is what it was exceeded from. */
function limitExceededText({ teamSize, by }) {
    return `\`limit\` (${(0,format/* count */.U)(teamSize - by)}) was exceeded by ${(0,format/* count */.U)(by)} to keep a team of ${(0,format/* count */.U)(teamSize)} together`;
}
/**
 * An event as the summary names it, in a table cell or running text: its name and dates when
 * known, and its id (the name is Vivenu's, shown literally).
 */
function eventCell(report, eventId) {
    return { literal: eventLabel(report, eventId) };
}
/** "Created from 6 Jan 2025 09:00 UTC to 28 Feb 2025 18:30 UTC." */
function createdRange(first, last) {
    return ['Created from ', { value: humanDate(first) }, ' to ', { value: humanDate(last) }, '.'];
}

;// CONCATENATED MODULE: ./src/modes/before-delivery-warnings.ts

/**
 * Said before a run that delivers (or plans to), ahead of the first delivery: what the operator
 * must see before anything is sent.
 * - Unsigned: a receiver that checks signatures will refuse every delivery.
 * - Staging tickets to the production receiver: allowed (the earlier tool sent DEV tickets
 *   there), never unremarked.
 */
function warnBeforeDelivering({ settings, services }) {
    const { logger } = services;
    if (settings.stagingTickets && settings.receiver.kind === 'production') {
        logger.warning(`Staging tickets (${settings.region}, ${settings.vivenuOrigin}) ${settings.dryRun ? 'would go' : 'go'} to the PRODUCTION receiver (${settings.receiver.address}). If that is not what you meant, use target test.`);
    }
    if (!settings.webhookSecret && !settings.dryRun) {
        logger.warning(unsignedWarning('before'));
    }
}

;// CONCATENATED MODULE: ./src/modes/deliver-batch.ts



/**
 * This many tickets failing one after another for the receiver's own trouble (no answer, 408,
 * 429, 5xx) means the receiver is down, not the tickets. A permanent answer about one ticket
 * (another 4xx, such as an unregistered ticket type) is an answer: it does not count, and it
 * ends the streak, so five unregistered tickets in a row cannot stop the tickets behind them.
 */
const FAILURES_IN_A_ROW_BEFORE_STOP = 5;
/**
 * A sync's answers: a delivery is sent (once, for good), a failure an error to try again; each
 * noted for the report and counted in `counts` for the sync's own tally.
 */
function syncRecorder(context) {
    const { eventId, keeper, clock, note, counts } = context;
    return {
        verb: 'sent',
        async delivered(ticket) {
            await keeper.record({ t: 'sent', e: eventId, id: ticket._id, at: (0,progress_progress/* deliveryTime */.wH)(clock.now()) });
            counts.delivered++;
            note({ kind: 'delivered', eventId });
        },
        async failed(ticket, failure) {
            counts.failed++;
            note({ kind: 'delivery-failed', failure });
            await keeper.record({
                t: 'error',
                error: {
                    event_id: eventId,
                    ticket_id: ticket._id,
                    status: failure.status,
                    error: failure.reason,
                    timestamp: new Date(clock.now()).toISOString(),
                },
            });
        },
    };
}
function reportSent(logger, update) {
    if (logger.progress)
        logger.progress(update);
    else
        logger.info(update.line);
}
/**
 * Delivers `batch` in order, recording each answer durably before the next delivery starts.
 * Returns why it stopped early, or undefined when every ticket got an answer.
 */
async function deliverBatch(batch, context) {
    const { eventId, sender, keeper, logger, clock, recorder } = context;
    let failuresInARow = 0;
    for (const [index, ticket] of batch.entries()) {
        if (context.cancel?.aborted)
            return { reason: 'cancelled', message: 'cancelled' };
        if (clock.monotonic() >= context.deadlineMs)
            return { reason: 'time-budget', message: 'time budget reached' };
        const label = `[${index + 1}/${batch.length}]`;
        const outcome = await sender.deliver(ticket, context.deadlineMs);
        switch (outcome.kind) {
            case 'delivered':
                await recorder.delivered(ticket, outcome.status);
                failuresInARow = 0;
                reportSent(logger, {
                    done: index + 1,
                    total: batch.length,
                    line: `${label} ${recorder.verb} ${(0,vivenu_tickets/* describeTicket */.Se)(ticket)}`,
                });
                break;
            case 'failed': {
                const failure = {
                    eventId,
                    ticketId: ticket._id,
                    ticketName: (0,vivenu_tickets/* stringField */.OM)(ticket, 'ticketName') ?? '',
                    ticketTypeId: (0,vivenu_tickets/* stringField */.OM)(ticket, 'ticketTypeId') ?? null,
                    status: outcome.status ?? null,
                    reason: outcome.reason,
                };
                await recorder.failed(ticket, failure);
                logger.info(`${label} failed ${(0,vivenu_tickets/* describeTicket */.Se)(ticket)}: ${failure.status ?? 'no answer'} ${(0,log_text/* logText */.kc)(failure.reason)}`);
                failuresInARow = outcome.transient ? failuresInARow + 1 : 0;
                if (failuresInARow >= FAILURES_IN_A_ROW_BEFORE_STOP) {
                    return {
                        reason: 'receiver-down',
                        message: `${failuresInARow} tickets failed in a row (last: ${failure.status ?? 'no answer'} ${(0,log_text/* logText */.kc)(failure.reason)}): the receiver looks down. Stopped; run again later.`,
                    };
                }
                break;
            }
            case 'unusable':
                // Decided: stop at once, like a rejected signature. A redirect or an address that
                // cannot work is about webhook-url, not this ticket: every ticket would get the same,
                // and each would cost its retries. The ticket stays pending, not failed.
                return { reason: 'webhook-url-unusable', message: (0,log_text/* logText */.kc)(outcome.reason) };
            case 'rejected':
                return {
                    reason: 'signature-rejected',
                    message: `The receiver rejected the delivery of ${(0,log_text/* logText */.kc)(ticket._id)} with ${outcome.status} (${(0,log_text/* logText */.kc)(outcome.reason) || 'no reason given'}): ` +
                        'it does not accept our signature. Check the webhook-secret input (secret VIVENU_SECRET) matches the receiver.',
                };
            case 'interrupted':
                return { reason: 'cancelled', message: 'cancelled' };
            case 'out-of-time':
                // Said when it is news: the receiver's wait, not the budget's plain end, stopped the run.
                if (outcome.reason)
                    logger.warning(`${label} ${outcome.reason}`);
                return { reason: 'time-budget', message: outcome.reason || 'time budget reached' };
        }
        const stop = await keeper.afterDelivery();
        if (stop)
            return stop;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/progress/progress-keeper.ts







/**
 * Waits between tries of a commit GitHub could not take: 2 s, doubling, at most a minute.
 * `maxAttempts` bounds the proving commit and the final one; a paused periodic commit is
 * bounded by time instead (MAX_PAUSE_MS, the time budget).
 */
const commitRetryPolicy = {
    maxAttempts: 3,
    baseDelayMs: 2_000,
    maxDelayMs: 60_000,
    maxRetryAfterMs: 60_000,
};
/** Deliveries wait this long at most for GitHub to take the progress file; then the run stops. */
const MAX_PAUSE_MS = 30 * 60_000;
/**
 * On cancel the runner sends SIGINT, SIGTERM 7.5 s later and kills the step 2.5 s after that
 * (actions/runner, src/Runner.Sdk/ProcessInvoker.cs: `_sigintTimeout` 7500 ms, `_sigtermTimeout`
 * 2500 ms): the last commit ends by the SIGTERM, leaving over a second for the outputs and the
 * summary.
 */
const CANCEL_SAVE_BUDGET_MS = 7_500;
/** Failures that waiting will not mend: the run stops instead of pausing. */
const LASTING = new Set([
    'token-refused',
    'missing-permission',
    'protected-branch',
    'refused',
]);
/**
 * The one owner of a sync's progress: the local file (every change durable before the next
 * delivery) and its published copy. It proves the copy can be written before the first
 * delivery, publishes every period, pauses deliveries while GitHub cannot take a commit (so
 * the deliveries not yet published never exceed one period's, plus the one in flight), and
 * makes the final commit, within the cancel budget when cancelled.
 */
class ProgressKeeper {
    store;
    options;
    /**
     * Where progress is committed and how many commits this run made, for the summary: the run's
     * report holds this very object, kept up to date here. Undefined when kept on this machine only.
     */
    publishing;
    /** Commits this run made. */
    get commits() {
        return this.publishing?.commits ?? 0;
    }
    /** Why the last publish failed, when the published copy is behind this machine's. */
    failure;
    proven = false;
    /** How many of this run's changes the published copy holds. */
    publishedChanges = 0;
    lastPublishedMs;
    /** Aborts CANCEL_SAVE_BUDGET_MS after a cancel: every publish ends by then. */
    saveBy = new AbortController();
    random;
    /** Where the copy to start from is read: the publisher, or (dry run) one that is only read. */
    branch;
    constructor(store, options) {
        this.store = store;
        this.options = options;
        const { where } = options.publisher;
        this.publishing = where === undefined ? undefined : { where, commits: 0 };
        this.lastPublishedMs = options.clock.monotonic();
        this.random = options.random ?? Math.random;
        this.branch = options.publisher;
        const { cancel } = options;
        const startBudget = () => {
            setTimeout(() => this.saveBy.abort(new Error('the run was cancelled and its time to save ran out')), CANCEL_SAVE_BUDGET_MS).unref();
        };
        if (cancel?.aborted)
            startBudget();
        else
            cancel?.addEventListener('abort', startBudget, { once: true });
    }
    /**
     * Locks and opens the local file: a file another run holds, or a damaged one, stops the run
     * here, before any request. A lock left by a run that has ended is taken over, and said so.
     */
    static async open(file, owner, options) {
        const store = await progress_store/* ProgressStore */.rE.open(file, owner, () => options.clock.now());
        const ended = store.lockTakenOverFrom;
        if (ended) {
            options.logger.warning(`${(0,log_text/* logText */.kc)(file)}: took over the lock of pid ${ended.pid} on ${(0,log_text/* logText */.kc)(ended.host)}, which has ended (started ${(0,log_text/* logText */.kc)(ended.startedAt)}) without releasing it; a killed run leaves its lock behind.`);
        }
        return new ProgressKeeper(store, options);
    }
    /**
     * A dry run's keeper: reads the file without a lock (a dry run may run beside a sync), and
     * the published copy when there is one (`publisher` is only read), records nothing and
     * publishes nowhere. A damaged file still stops the run before any request.
     */
    static async readOnly(file, receiver, options) {
        const store = await progress_store/* ProgressStore */.rE.readOnly(file, receiver);
        const keeper = new ProgressKeeper(store, { ...options, publisher: progress_publisher/* keepLocally */._ });
        keeper.branch = options.publisher;
        return keeper;
    }
    get progress() {
        return this.store.progress;
    }
    /** owner/repo@branch, or undefined when progress is kept on this machine only. */
    get where() {
        return this.options.publisher.where;
    }
    record(change) {
        return this.store.record(change);
    }
    /**
     * Before anything is selected: the published copy (the branch's file) merged into this
     * machine's, so the run selects from everything delivered so far. The checkout can be older
     * than the branch: "Re-run jobs" runs at the run's original commit, and a run that waited its
     * turn in the concurrency queue starts from the commit it was clicked at (both send again
     * what later commits record). When the copy cannot be read, a sync stops before any
     * delivery; a dry run plans from this machine's file and says so.
     */
    async catchUpWithBranch(dryRun) {
        const where = this.branch.where;
        if (!where)
            return;
        const result = await this.readTrying();
        if (!result.read) {
            const why = `the progress file on ${where} cannot be read (${result.failure.message})`;
            if (!dryRun)
                throw new errors/* RunStoppedError */.Fz(`Nothing was delivered: ${why}, so this run cannot know what earlier runs delivered.`);
            this.options.logger.warning(`${why}: the plan comes from the checked-out file, which may be older than the branch.`);
            return;
        }
        if (!result.progress)
            return;
        const before = this.store.progress.ticketsSent;
        const merged = (0,progress_progress/* mergeProgress */.o$)(result.progress, this.store.progress);
        await this.store.adopt(merged);
        this.options.logger.info(`Read the progress file on ${where}: ${(0,format/* count */.U)(merged.ticketsSent)} delivered all-time (the checked-out copy had ${(0,format/* count */.U)(before)}).`);
    }
    /** Changes this run made (deliveries, errors, redeliveries) the published copy does not hold yet. */
    get unpublishedChanges() {
        return this.store.changesThisRun.length - this.publishedChanges;
    }
    /** Deliveries this run made that the published copy does not hold yet. */
    get unpublishedDeliveries() {
        return this.store.changesThisRun
            .slice(this.publishedChanges)
            .filter((change) => change.t === 'sent').length;
    }
    /**
     * Before the first delivery: one commit proves the progress can be kept where the next run
     * will look for it. Throws, naming the cause, when it cannot: then nothing is delivered.
     */
    async proveWritable() {
        if (this.proven || !this.where)
            return;
        const result = await this.publishTrying('start');
        if (!result.landed) {
            throw new errors/* RunStoppedError */.Fz(`Nothing was delivered: the progress file cannot be committed to ${this.where}, so a later run could not know what this one sent: ${result.failure.message}.`);
        }
        this.proven = true;
    }
    /**
     * After each recorded answer: publishes when a period has passed since the last publish.
     * While GitHub cannot take it, no delivery starts: it is tried again with backoff until it
     * lands, the failure proves lasting, the run is cancelled, its time budget ends, or
     * MAX_PAUSE_MS has passed.
     */
    async afterDelivery() {
        const { clock, periodMs, logger, cancel } = this.options;
        if (!this.where || clock.monotonic() - this.lastPublishedMs < periodMs)
            return undefined;
        await this.store.save();
        const pausedAt = clock.monotonic();
        const pending = () => `${(0,format/* count */.U)(this.unpublishedDeliveries)} deliveries not committed yet`;
        const stop = (value) => ({ kind: 'give-up', value });
        return (0,retry/* retrying */.R$)(async (attempt) => {
            const result = await this.publish('periodic');
            if (result.landed) {
                if (attempt > 1)
                    logger.info('GitHub took the progress file: deliveries go on.');
                return { kind: 'done', value: undefined };
            }
            const { failure } = result;
            if (LASTING.has(failure.kind)) {
                return stop({
                    reason: 'progress-not-committed',
                    message: `Stopped delivering: the progress file can no longer be committed to ${this.where} (${failure.message}); ${pending()}.`,
                });
            }
            if (cancel?.aborted)
                return stop({ reason: 'cancelled', message: 'cancelled' });
            return { kind: 'retry', reason: failure.message };
        }, {
            policy: commitRetryPolicy,
            random: this.random,
            // A pause is bounded by time, not by attempts: the run's budget and MAX_PAUSE_MS.
            until: (failed, _attempt, waitMs) => {
                if (clock.monotonic() + waitMs >= this.options.deadlineMs) {
                    return stop({ reason: 'time-budget', message: 'time budget reached' });
                }
                if (clock.monotonic() + waitMs - pausedAt > MAX_PAUSE_MS) {
                    return stop({
                        reason: 'progress-not-committed',
                        message: `Stopped delivering: GitHub has not taken the progress file for ${Math.round((clock.monotonic() - pausedAt) / 60_000)} minutes (${failed.reason}); ${pending()}.`,
                    });
                }
                return undefined;
            },
            onRetry: (failed, attempt, waitMs) => {
                const line = `Deliveries paused: committing the progress file failed (${failed.reason}); ${pending()}; trying again in ${(waitMs / 1000).toFixed(0)} s.`;
                // The first says so where people look (annotations); the rest only in the log.
                if (attempt === 1)
                    logger.warning(line);
                else
                    logger.info(line);
            },
            wait: (waitMs) => clock.sleep(waitMs, cancel),
        });
    }
    /**
     * Folds the local file, then makes the final commit when the published copy is behind; its
     * message says why the run ended (`stop`). Afterwards `failure` tells whether the published
     * copy holds everything, and `publishing` says so to the summary.
     */
    async finish(stop) {
        await this.store.close();
        if (this.where && this.store.changesThisRun.length > this.publishedChanges) {
            const reason = stop === 'cancelled' ? 'cancel' : stop === 'time-budget' ? 'time-budget' : 'end';
            const result = await this.publishTrying(reason);
            if (!result.landed) {
                this.options.logger.warning(`Could not commit the progress file to ${this.where} (${result.failure.message}).`);
            }
        }
        if (this.publishing)
            this.publishing.behind = this.failure?.message;
    }
    /** A read of the published copy, tried again a few times while GitHub has passing trouble. */
    readTrying() {
        // Nothing of this run to save yet: a cancel ends the read at once.
        const { cancel } = this.options;
        return this.tryingWhileGitHubRecovers(() => this.branch.read(cancel), (result) => (result.read ? undefined : result.failure), { doing: 'Reading the progress file on the branch', stop: cancel });
    }
    /** A publish, tried again a few times while GitHub has passing trouble. */
    publishTrying(reason) {
        return this.tryingWhileGitHubRecovers(() => this.publish(reason), (result) => (result.landed ? undefined : result.failure), { doing: 'Committing the progress file', stop: this.saveBy.signal });
    }
    /**
     * `attempt`, tried again (commitRetryPolicy) while it fails in a way waiting may mend, until
     * `stop` aborts; the last result either way.
     */
    tryingWhileGitHubRecovers(attempt, failureOf, { doing, stop }) {
        return (0,retry/* retrying */.R$)(async () => {
            const result = await attempt();
            const failure = failureOf(result);
            if (!failure)
                return { kind: 'done', value: result };
            if (LASTING.has(failure.kind) || stop?.aborted)
                return { kind: 'give-up', value: result };
            return { kind: 'retry', reason: failure.message, result };
        }, {
            policy: commitRetryPolicy,
            random: this.random,
            exhausted: (last) => last.result,
            onRetry: (failed, _attempt, waitMs) => this.options.logger.info(`${doing} failed (${failed.reason}): trying again in ${(waitMs / 1000).toFixed(0)} s.`),
            wait: (waitMs) => this.options.clock.sleep(waitMs, stop),
        });
    }
    async publish(reason) {
        const changes = this.store.changesThisRun.length;
        const result = await this.options.publisher.publish(this.store.progress, reason, this.saveBy.signal);
        if (result.landed) {
            this.publishedChanges = changes;
            this.lastPublishedMs = this.options.clock.monotonic();
            this.failure = undefined;
            if (result.commit && this.publishing)
                this.publishing.commits++;
        }
        else {
            this.failure = result.failure;
        }
        return result;
    }
}

;// CONCATENATED MODULE: ./src/modes/keeping-progress.ts

/**
 * The progress of a mode that records deliveries (sync, redeliver), opened before any ticket
 * is pulled: locked (a dry run only reads it, so it may run beside a sync), a damaged file or
 * one another run holds stopping the run here, and the branch's copy merged in, since the
 * branch is the truth at start (a re-run or a queued run checks out an older commit).
 */
async function openKeeper(run, deadlineMs) {
    const { settings, services } = run;
    const options = {
        periodMs: settings.commitEveryMinutes * 60_000,
        clock: services.clock,
        logger: services.logger,
        cancel: services.signal,
        deadlineMs,
        random: services.random,
        publisher: services.progressPublisher,
    };
    const receiver = settings.receiver.address;
    const keeper = settings.dryRun
        ? await ProgressKeeper.readOnly(settings.progressFile, receiver, options)
        : await ProgressKeeper.open(settings.progressFile, { region: settings.region, receiver }, options);
    notePublishing(run, keeper);
    await keeper.catchUpWithBranch(settings.dryRun);
    return keeper;
}
/** Where progress is committed, and how far, as the keeper counts it: a copy for the report. */
function notePublishing({ note }, keeper) {
    const publishing = keeper?.publishing;
    if (publishing)
        note({ kind: 'publishing', publishing: { ...publishing } });
}

;// CONCATENATED MODULE: ./src/modes/redeliver.ts









/**
 * Redeliver: named tickets of one event sent again (a receiver that lost or mishandled them),
 * with their original delivery `id` (the ticket's own, envelope.ts) so a deduplicating receiver
 * can still tell, paced and signed like any delivery. Each is recorded apart (`redelivered` in
 * the progress file, a column of the ledger) and never changes what counts as delivered. Every
 * named id must be an eligible ticket of the event: any other is refused by name before
 * anything is sent. `failed` names every eligible ticket whose last delivery failed.
 */
function redeliver(run) {
    return new RedeliverRun(run);
}
class RedeliverRun {
    run;
    selectionLog = 'full';
    keeper;
    deadlineMs;
    /** What this run sent again and how each ended: what it concludes from (never the report). */
    tickets = [];
    stop;
    constructor(run) {
        this.run = run;
        const { settings, services } = run;
        // On the monotonic clock, as a sync's budget (issue 23, row 5).
        this.deadlineMs = services.clock.monotonic() + settings.maxRuntimeMinutes * 60_000;
    }
    /** As a sync opens: the progress file locked (a dry run reads it), the branch's copy merged. */
    async open() {
        this.keeper = await openKeeper(this.run, this.deadlineMs);
        warnBeforeDelivering(this.run);
    }
    wants() {
        return Promise.resolve(true);
    }
    async take(pulled, selection) {
        const { settings, services, note } = this.run;
        const { eventId } = pulled;
        if (pulled.untrusted !== undefined)
            throw new errors/* RunStoppedError */.Fz(`${pulled.untrusted} Nothing was redelivered from this pull.`);
        const batch = this.chosen(pulled, selection, this.keeper.progress);
        this.tickets = batch.map((ticket) => ticketLine(ticket, settings.dryRun ? 'planned' : 'not tried'));
        note({
            kind: 'redelivery-chosen',
            redelivery: {
                eventId,
                asked: settings.ticketIds === 'failed' ? 'failed' : settings.ticketIds.length,
                tickets: this.tickets,
            },
        });
        services.logger.info(`${settings.dryRun ? 'Would redeliver' : 'Redelivering'} ${(0,format/* count */.U)(batch.length)} tickets of event ${eventId}, each under its original delivery id.`);
        if (settings.dryRun || batch.length === 0)
            return 'stop';
        await this.keeper.proveWritable();
        const sender = services.newWebhookSender(settings.intervalSeconds * 1000);
        this.stop = await services.logger.group(`Redeliver event ${eventId}`, () => deliverBatch(batch, {
            eventId,
            sender,
            keeper: this.keeper,
            recorder: this.recorder(eventId),
            logger: services.logger,
            clock: services.clock,
            deadlineMs: this.deadlineMs,
            cancel: services.signal,
        }));
        if (this.stop)
            note({ kind: 'stopped', ...this.stop });
        return 'stop';
    }
    ledgerProgress() {
        return this.keeper?.progress;
    }
    async close() {
        try {
            await this.keeper.finish(this.stop?.reason);
        }
        finally {
            notePublishing(this.run, this.keeper);
        }
    }
    conclude() {
        const { settings } = this.run;
        if (this.keeper.failure && this.keeper.unpublishedChanges > 0) {
            throw new errors/* RunStoppedError */.Fz(`The redeliveries of this run are not committed to ${this.keeper.where} (${this.keeper.failure.message}); they are recorded in ${settings.progressFile}, which the run's artifact holds.`);
        }
        if (this.stop)
            throw new errors/* RunStoppedError */.Fz(this.stop.message);
        const failed = this.tickets.filter((t) => t.outcome === 'failed').length;
        if (failed > 0 && settings.failOnTicketErrors)
            throw new errors/* RunStoppedError */.Fz(`${(0,format/* count */.U)(failed)} of ${(0,format/* count */.U)(this.tickets.length)} redeliveries failed; each answer is under Redelivered.`);
        return Promise.resolve();
    }
    /**
     * The tickets to send again, oldest first: every named id an eligible ticket of the event,
     * or the run stops here, naming each that is not and why, before anything is sent.
     */
    chosen(pulled, selection, progress) {
        const { settings } = this.run;
        const { eventId } = pulled;
        if (settings.ticketIds === 'failed') {
            const failedLast = lastAttemptFailed(progress, eventId);
            return selection.eligible.filter((t) => failedLast.has((0,progress_progress/* idKey */.T4)(t._id)) && !progress.delivery(eventId, t._id));
        }
        const wanted = new Set(settings.ticketIds);
        const refused = [];
        const pulledById = new Map(pulled.tickets.map((t) => [(0,progress_progress/* idKey */.T4)(t._id), t]));
        for (const id of wanted) {
            const ticket = pulledById.get(id);
            if (!ticket)
                refused.push(`${id}: not a ticket of event ${eventId}`);
            else if (!selection.eligible.includes(ticket))
                refused.push(`${id}: not eligible (${whyNotEligible(ticket, { ...settings, eventId }) ?? 'eligible under another event of this run'})`);
        }
        if (refused.length > 0) {
            throw new errors/* RunStoppedError */.Fz(`Nothing was redelivered: ${(0,format/* count */.U)(refused.length)} of the ${(0,format/* count */.U)(wanted.size)} ticket-ids cannot be: ${refused.map(log_text/* logText */.kc).join('; ')}.`);
        }
        return selection.eligible.filter((t) => wanted.has((0,progress_progress/* idKey */.T4)(t._id)));
    }
    /** Each answer recorded apart from deliveries (`redelivered`), and noted for the report. */
    recorder(eventId) {
        const { clock } = this.run.services;
        const settle = async (ticket, line) => {
            await this.keeper.record({
                t: 'redelivered',
                e: eventId,
                id: ticket._id,
                at: (0,progress_progress/* deliveryTime */.wH)(clock.now()),
                status: line.status,
            });
            this.tickets = this.tickets.map((t) => (t.id === ticket._id ? line : t));
            this.run.note({ kind: 'redelivered', ticket: line });
        };
        return {
            verb: 'redelivered',
            delivered: (ticket, status) => settle(ticket, { ...ticketLine(ticket, 'redelivered'), status }),
            failed: (ticket, failure) => settle(ticket, {
                ...ticketLine(ticket, 'failed'),
                status: failure.status,
                reason: failure.reason,
            }),
        };
    }
}
function ticketLine(ticket, outcome) {
    return {
        id: ticket._id,
        ticketName: (0,vivenu_tickets/* stringField */.OM)(ticket, 'ticketName') ?? '',
        ticketTypeId: (0,vivenu_tickets/* stringField */.OM)(ticket, 'ticketTypeId') ?? null,
        outcome,
        status: null,
    };
}
/** The tickets of the event (lower-case ids) whose last recorded attempt failed. */
function lastAttemptFailed(progress, eventId) {
    const event = (0,progress_progress/* idKey */.T4)(eventId);
    return new Set(progress.errors
        .filter((error) => (0,progress_progress/* idKey */.T4)(error.event_id) === event)
        .map((error) => (0,progress_progress/* idKey */.T4)(error.ticket_id)));
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/progress/earlier-tool-keys.ts
var earlier_tool_keys = __nccwpck_require__(111);
;// CONCATENATED MODULE: ./src/select/plan-batch.ts

/** Tickets bought together (a DOUBLES or RELAY team) share a `transactionId`. */
function purchases(tickets) {
    const groups = new Map();
    for (const ticket of tickets) {
        const key = (0,vivenu_tickets/* stringField */.OM)(ticket, 'transactionId') ?? `ticket:${ticket._id}`;
        const group = groups.get(key);
        if (group)
            group.push(ticket);
        else
            groups.set(key, [ticket]);
    }
    return [...groups.values()];
}
function transactionOf(purchase) {
    return (0,vivenu_tickets/* stringField */.OM)(purchase[0], 'transactionId') ?? '';
}
/**
 * At most `limit` of the pending tickets (0 = all), in creation order, never splitting a
 * purchase: a team that does not fit waits whole for the next run, and so does everything
 * after it, so the order stays oldest first. The one exception: a first team bigger than the
 * limit itself goes whole (see `limitExceeded`), or no run with this limit could ever move on.
 */
function planBatch(pending, limit, { runHasPlannedBefore = false } = {}) {
    if (limit === 0 || pending.length <= limit)
        return { send: [...pending], waiting: 0 };
    const send = [];
    for (const purchase of purchases(pending)) {
        if (send.length + purchase.length > limit) {
            if (send.length === 0 && !runHasPlannedBefore) {
                return {
                    send: [...purchase].sort(vivenu_tickets/* compareByCreation */.gx),
                    waiting: pending.length - purchase.length,
                    limitExceeded: { teamSize: purchase.length, by: purchase.length - limit },
                };
            }
            const teamWaiting = purchase.length > 1 && send.length < limit
                ? { transactionId: transactionOf(purchase), size: purchase.length }
                : undefined;
            return {
                send: send.sort(vivenu_tickets/* compareByCreation */.gx),
                waiting: pending.length - send.length,
                teamWaiting,
            };
        }
        send.push(...purchase);
    }
    return { send, waiting: pending.length - send.length };
}

;// CONCATENATED MODULE: ./src/modes/dry-run-plan.ts



/** The first deliveries a dry run lists, in order: enough to check the order, not a wall. */
const FIRST_DELIVERIES_SHOWN = 20;
/** What a sync would deliver for one event, in the report and the log; nothing is sent. */
function showPlan({ settings, services, note }, eventId, send) {
    const created = (0,vivenu_tickets/* creationRange */.T1)(send);
    const plan = {
        eventId,
        toSend: send.length,
        ticketTypeIds: [...new Set(send.map((t) => (0,vivenu_tickets/* stringField */.OM)(t, 'ticketTypeId') ?? '(none)'))].sort(),
        ticketTypes: ticketTypesOf(send),
        firstCreatedAt: created.first,
        lastCreatedAt: created.last,
        firstDeliveries: send.slice(0, FIRST_DELIVERIES_SHOWN).map((t) => ({
            createdAt: (0,vivenu_tickets/* stringField */.OM)(t, 'createdAt') ?? '',
            id: t._id,
            ticketName: (0,vivenu_tickets/* stringField */.OM)(t, 'ticketName') ?? '',
        })),
    };
    note({ kind: 'planned', plan });
    const lines = [
        `Dry run: ${(0,format/* count */.U)(plan.toSend)} deliveries would go to ${(0,log_text/* urlForDisplay */.Bo)(settings.webhookUrl)}`,
        ...plan.ticketTypes.map((type) => `  ${(0,format/* count */.U)(type.count)} × ${(0,log_text/* logText */.kc)(type.ticketName)} (ticketTypeId ${(0,log_text/* logText */.kc)(type.ticketTypeId ?? 'none')})`),
        `  ticketTypeIds the receiver must know: ${plan.ticketTypeIds.map(log_text/* logText */.kc).join(', ') || '-'}`,
        `  created from ${(0,log_text/* logText */.kc)(plan.firstCreatedAt ?? '-')} to ${(0,log_text/* logText */.kc)(plan.lastCreatedAt ?? '-')}`,
        `  first ${plan.firstDeliveries.length} in order:`,
        ...plan.firstDeliveries.map((d, i) => `  ${i + 1}. ${(0,log_text/* logText */.kc)(d.createdAt)} ${(0,log_text/* logText */.kc)(d.id)} (${(0,log_text/* logText */.kc)(d.ticketName)})`),
    ];
    services.logger.info(lines.join('\n'));
}
/**
 * The tickets by name and ticketTypeId, most first: the receiver registers ticketTypeIds, and a
 * person knows the ticket by its name, so the plan shows them together.
 */
function ticketTypesOf(send) {
    const types = new Map();
    for (const ticket of send) {
        const ticketName = (0,vivenu_tickets/* stringField */.OM)(ticket, 'ticketName') ?? '';
        const ticketTypeId = (0,vivenu_tickets/* stringField */.OM)(ticket, 'ticketTypeId') ?? null;
        const key = JSON.stringify([ticketName, ticketTypeId]);
        const type = types.get(key) ?? { ticketName, ticketTypeId, count: 0 };
        type.count++;
        types.set(key, type);
    }
    return [...types.values()].sort((a, b) => b.count - a.count ||
        byText(a.ticketName, b.ticketName) ||
        byText(a.ticketTypeId ?? '', b.ticketTypeId ?? ''));
}
/** Plain code-unit order: the same on every runner, without loading ICU's collation. */
function byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/run-ending.ts

const stoppedAsSaid = ({ message, saved, dryRun }) => `${message} ${dryRun ? '' : saved}`.trim();
/**
 * How each stop ends a run, decided once: the step's result and words, the "to continue" hint
 * and the follow-up run all read this table, and a new StopReason fails to compile until it
 * has its row. The verdict names each the same (report/verdict.ts, an Outcome per reason).
 */
const STOP_RULES = {
    cancelled: {
        fails: true,
        resumedByRunningAgain: true,
        startsFollowUp: false,
        says: (f) => `Cancelled: ${(0,format/* count */.U)(f.sent)} delivered this run, ${(0,format/* count */.U)(f.remaining)} remaining; ${f.saved}. Run again with the same inputs to continue where this run stopped.`,
    },
    'time-budget': {
        fails: false,
        resumedByRunningAgain: true,
        startsFollowUp: true,
        says: (f) => `Time budget of ${f.maxRuntimeMinutes} minutes reached: ${(0,format/* count */.U)(f.sent)} delivered this run, ${(0,format/* count */.U)(f.remaining)} remaining; ${f.saved}. Run again (same inputs) to continue.`,
    },
    'receiver-down': {
        fails: true,
        resumedByRunningAgain: true,
        startsFollowUp: false,
        says: stoppedAsSaid,
    },
    'signature-rejected': {
        fails: true,
        resumedByRunningAgain: false,
        startsFollowUp: false,
        says: stoppedAsSaid,
    },
    'webhook-url-unusable': {
        fails: true,
        resumedByRunningAgain: false,
        startsFollowUp: false,
        says: stoppedAsSaid,
    },
    'untrusted-pull': {
        fails: true,
        resumedByRunningAgain: true,
        startsFollowUp: false,
        says: stoppedAsSaid,
    },
    'progress-not-committed': {
        fails: true,
        resumedByRunningAgain: true,
        startsFollowUp: false,
        says: stoppedAsSaid,
    },
};

;// CONCATENATED MODULE: ./src/modes/sync-verdict.ts





/**
 * How a sync ends, once its progress is kept: whether every event is complete, the follow-up
 * run, and the step's result (a failure when one is owed, a warning when it only must be said),
 * each read from the sync's own tally and the one table of stops (run-ending.ts).
 */
async function concludeSync(run, keeper, tally) {
    const { settings, services, note } = run;
    const { progress } = keeper;
    const selection = (0,progress_progress/* selectionKey */.iA)(settings);
    const complete = !settings.dryRun &&
        settings.eventIds.every((eventId) => progress.isCompleteFor(eventId, selection));
    if (keeper.failure && keeper.unpublishedDeliveries > 0) {
        note({ kind: 'concluded', complete });
        throw new errors/* RunStoppedError */.Fz(`${(0,format/* count */.U)(keeper.unpublishedDeliveries)} deliveries of this run are not committed to ${keeper.where} (${keeper.failure.message}). ` +
            `They are recorded in ${settings.progressFile}, which the run's artifact holds: commit that file to the branch before the next run, or the next run sends them again.${services.followUp.mayStart ? ' No follow-up run was started.' : ''}`);
    }
    const followUp = await services.followUp.startIfDue({
        stoppedWithTicketsLeft: tally.stop !== undefined &&
            STOP_RULES[tally.stop.reason].startsFollowUp &&
            tally.remaining > 0,
        sent: tally.sent,
        commitFailure: keeper.failure?.message,
    }, services.signal);
    note({ kind: 'concluded', complete, ...(followUp ? { followUp } : {}) });
    sayHowTheSyncEnded(run, tally, progress.ticketsSent);
}
/** Turns how the sync ended into the step's result: a message, and a failure when one is owed. */
function sayHowTheSyncEnded({ settings, services }, tally, sentAllTime) {
    if (tally.stop) {
        const rule = STOP_RULES[tally.stop.reason];
        const says = rule.says({
            message: tally.stop.message,
            sent: tally.sent,
            remaining: tally.remaining,
            saved: `progress saved in ${settings.progressFile} (${(0,format/* count */.U)(sentAllTime)} delivered all-time)`,
            dryRun: settings.dryRun,
            maxRuntimeMinutes: settings.maxRuntimeMinutes,
        });
        if (rule.fails)
            throw new errors/* RunStoppedError */.Fz(says);
        services.logger.warning(says);
        return;
    }
    if (tally.failed > 0) {
        const message = `${counted(tally.failed, 'ticket')} failed, listed by reason under Failures; the next run tries them again.`;
        if (settings.failOnTicketErrors && !settings.dryRun)
            throw new errors/* RunStoppedError */.Fz(message);
        services.logger.warning(message);
    }
}

;// CONCATENATED MODULE: ./src/modes/sync.ts












/**
 * Sync: every eligible ticket not yet delivered, in order, paced, each recorded before the next
 * starts, within `limit` and the time budget; a dry run plans the same and sends nothing.
 */
function sync(run) {
    return new SyncRun(run);
}
class SyncRun {
    run;
    selectionLog = 'full';
    keeper;
    sender;
    deadlineMs;
    /** Deliveries `limit` still allows this run. */
    allowance;
    /** The selection asked for: an event is passed over as complete only for this one. */
    selection;
    /** This run's own count of what it did, which it concludes from (never the report). */
    tally = { sent: 0, remaining: 0, failed: 0 };
    constructor(run) {
        this.run = run;
        const { settings, services } = run;
        this.selection = (0,progress_progress/* selectionKey */.iA)(settings);
        // On the monotonic clock, from now (the run began moments ago): a wall clock stepped back
        // by NTP must not stretch the budget, nor one stepped forward cut it (issue 23, row 5).
        this.deadlineMs = services.clock.monotonic() + settings.maxRuntimeMinutes * 60_000;
        this.allowance = settings.limit === 0 ? Number.POSITIVE_INFINITY : settings.limit;
    }
    /**
     * Opened before any request: a damaged progress file, or one another run holds (locked),
     * stops the run before anything is sent. A dry run writes nothing, so it takes no lock and
     * may run beside a sync.
     */
    async open() {
        const { settings, services } = this.run;
        this.keeper = await openKeeper(this.run, this.deadlineMs);
        const { progress } = this.keeper;
        if (progress.receiverAssumed) {
            services.logger.warning(`${(0,log_text/* logText */.kc)(external_node_path_default().basename(settings.progressFile))} records ${(0,format/* count */.U)(progress.ticketsSent)} deliveries but not their receiver (it was written before each receiver kept its own file): they are taken as ${settings.receiver.address}'s. If a sync to another receiver was recorded in it, see "Progress files written before receivers were kept apart" (docs/runbook.md#progress-files-written-before-receivers-were-kept-apart) before delivering.`);
        }
        warnBeforeDelivering(this.run);
        this.sender = services.newWebhookSender(settings.intervalSeconds * 1000);
    }
    wants(eventId) {
        const { settings, services, note } = this.run;
        const { logger } = services;
        const { progress } = this.keeper;
        if (this.allowance <= 0) {
            logger.info(`limit ${(0,format/* count */.U)(settings.limit)} reached: event ${eventId} waits for the next run`);
            return Promise.resolve(false);
        }
        if (progress.isCompleteFor(eventId, this.selection) && !settings.resync) {
            logger.info(`event ${eventId} is already complete for this selection (${selectionWords(settings)}) at ${settings.receiver.address}: passed over (set resync to send tickets sold since)`);
            note({ kind: 'event-selected', sync: passedOver(eventId, progress) });
            return Promise.resolve(false);
        }
        if (progress.isProcessed(eventId) && progress.sentIds(eventId).length === 0) {
            // The earlier Python tool marked events done without recording which tickets it sent;
            // a resync could not tell them apart and would send every ticket a second time.
            logger.warning(`event ${eventId} was processed by a tool that did not record its delivered tickets: resync passed it over, to send nothing twice`);
            note({ kind: 'event-selected', sync: passedOver(eventId, progress) });
            return Promise.resolve(false);
        }
        return Promise.resolve(true);
    }
    async take(pulled, selection) {
        const { settings, services, note } = this.run;
        const { eventId } = pulled;
        const { progress } = this.keeper;
        const pending = selection.eligible.filter((ticket) => !progress.delivery(eventId, ticket._id));
        const sync = eventSyncReport(eventId, selection, pending.length, pulled);
        services.logger.info(`${(0,format/* count */.U)(sync.deliveredBefore)} delivered by earlier runs; ${(0,format/* count */.U)(pending.length)} to deliver`);
        if (pulled.untrusted !== undefined) {
            note({ kind: 'event-selected', sync });
            return this.stopWith({
                reason: 'untrusted-pull',
                message: `${pulled.untrusted} Nothing was delivered from this pull.`,
            });
        }
        // The earlier tool's keys in the progress file come from this list (a trusted pull of the
        // earlier tool's selection only: another selection's list would misstate its progress).
        if (this.selection === earlier_tool_keys/* EARLIER_TOOL_SELECTION */.DG)
            progress.noteEligible(eventId, selection.eligible);
        const batch = this.withinLimit(pending);
        note({ kind: 'event-selected', sync: { ...sync, ...limitFigures(batch) } });
        this.tally.remaining += pending.length;
        if (settings.dryRun) {
            showPlan(this.run, eventId, batch.send);
            return 'next';
        }
        await this.recordMovedTickets(eventId, selection.eligible);
        return this.deliver(eventId, batch.send, { pending: pending.length, found: sync.found });
    }
    ledgerProgress() {
        return this.keeper?.progress;
    }
    /** The final commit (on cancel, progress comes first within the runner's budget). */
    async close() {
        try {
            await this.keeper.finish(this.tally.stop?.reason);
        }
        finally {
            notePublishing(this.run, this.keeper);
        }
    }
    conclude() {
        return concludeSync(this.run, this.keeper, this.tally);
    }
    stopWith(stop) {
        this.tally.stop = stop;
        this.run.note({ kind: 'stopped', ...stop });
        return 'stop';
    }
    /** The tickets `limit` lets this run send, teams kept whole; the rest wait for the next run. */
    withinLimit(pending) {
        const { settings, services } = this.run;
        const batch = planBatch(pending, this.allowance, {
            runHasPlannedBefore: settings.limit > 0 && this.allowance < settings.limit,
        });
        if (batch.limitExceeded)
            services.logger.warning(limitExceededLine(settings.limit, batch.limitExceeded));
        if (batch.teamWaiting) {
            services.logger.info(`a team of ${batch.teamWaiting.size} tickets does not fit the limit: it waits whole for the next run`);
        }
        this.allowance -= batch.send.length;
        return batch;
    }
    async deliver(eventId, send, event) {
        const { services, note } = this.run;
        const { logger } = services;
        // No delivery that cannot be recorded where the next run looks for it.
        if (send.length > 0)
            await this.keeper.proveWritable();
        const counts = { delivered: 0, failed: 0 };
        const stop = await logger.group(`Deliver event ${eventId}: ${(0,format/* count */.U)(send.length)} tickets`, () => deliverBatch(send, {
            eventId,
            sender: this.sender,
            keeper: this.keeper,
            recorder: syncRecorder({
                eventId,
                keeper: this.keeper,
                clock: services.clock,
                note,
                counts,
            }),
            logger,
            clock: services.clock,
            deadlineMs: this.deadlineMs,
            cancel: services.signal,
        }));
        this.tally.sent += counts.delivered;
        this.tally.failed += counts.failed;
        this.tally.remaining -= counts.delivered;
        // An event with no tickets is never marked done: a wrong region or an event not yet on
        // sale looks the same, and a mark would make every later run skip it.
        if (event.pending === counts.delivered && event.found > 0)
            await this.keeper.record({ t: 'processed', e: eventId, for: this.selection });
        else if (event.found === 0)
            logger.info(`event ${eventId}: no tickets, so it is not marked processed: the next run looks again`);
        return stop ? this.stopWith(stop) : 'next';
    }
    /**
     * Tickets delivered under another event before Vivenu moved them to this one are not sent
     * again (their delivery id is the ticket's own): they are recorded under this event too, so
     * the earlier tool, which skips only the ids listed under the event it syncs, skips them as
     * well. `tickets_sent` counts each ticket once.
     */
    async recordMovedTickets(eventId, eligible) {
        const { progress } = this.keeper;
        let moved = 0;
        for (const ticket of eligible) {
            const delivery = progress.delivery(eventId, ticket._id);
            if (!delivery || progress.isSent(eventId, ticket._id))
                continue;
            await this.keeper.record({
                t: 'sent',
                e: eventId,
                id: ticket._id,
                ...(delivery.at === undefined ? {} : { at: delivery.at }),
            });
            moved++;
        }
        if (moved > 0)
            this.run.services.logger.info(`event ${eventId}: ${counted(moved, 'ticket was', 'tickets were')} delivered under another event before moving to this one: recorded here too, not sent again.`);
    }
}
/** The log's word that the limit was exceeded, by how much, and why (the summary's: limitExceededText). */
function limitExceededLine(limit, exceeded) {
    return `limit ${(0,format/* count */.U)(limit)} exceeded by ${(0,format/* count */.U)(exceeded.by)} to keep a team of ${(0,format/* count */.U)(exceeded.teamSize)} together: it goes whole, as no run with this limit could deliver it otherwise`;
}
/**
 * `statuses VALID or DETAILSREQUIRED, name containing "CHARITY", sold before 2025-07-29T…`: the
 * selection an event is complete for, for people, its cutoff included (part of the selection).
 */
function selectionWords(settings) {
    const cutoff = settings.soldBefore ? `, sold before ${settings.soldBefore.iso}` : '';
    return `statuses ${settings.statuses.join(' or ')}, name containing "${(0,log_text/* logText */.kc)(settings.nameContains)}"${cutoff}`;
}
function eventSyncReport(eventId, selection, pending, keptAside) {
    const withoutId = keptAside.withoutId.length;
    return {
        eventId,
        passedOverAsComplete: false,
        found: selection.total + withoutId + keptAside.tooDeep.length,
        rejectedStatus: selection.rejectedStatus,
        rejectedName: selection.rejectedName,
        otherEvent: selection.otherEvent,
        eligibleEarlier: selection.eligibleEarlier,
        withoutId,
        invalid: selection.invalid.length,
        soldAfterCutoff: selection.soldAfterCutoff.length,
        eligible: selection.eligible.length,
        deliveredBefore: selection.eligible.length - pending,
        sentNow: 0,
        failed: 0,
        remaining: pending,
        waitingForLimit: 0,
    };
}
/** What `limit` left for the next run, as the event's figures say it. */
function limitFigures(batch) {
    return {
        waitingForLimit: batch.waiting,
        ...(batch.teamWaiting ? { teamWaiting: { size: batch.teamWaiting.size } } : {}),
        ...(batch.limitExceeded ? { limitExceeded: batch.limitExceeded } : {}),
    };
}
/** An event passed over as complete: not pulled; what the progress file says it delivered. */
function passedOver(eventId, progress) {
    const noSelection = {
        eligible: [],
        total: 0,
        rejectedStatus: 0,
        rejectedName: 0,
        otherEvent: 0,
        eligibleEarlier: {},
        invalid: [],
        soldAfterCutoff: [],
    };
    return {
        ...eventSyncReport(eventId, noSelection, 0, { withoutId: [], tooDeep: [] }),
        passedOverAsComplete: true,
        deliveredBefore: progress.sentIds(eventId).length,
    };
}

;// CONCATENATED MODULE: ./src/report/failure-groups.ts
/**
 * An answer saying the receiver does not know the ticket's type: the receiver says
 * (docs/sources.md, "Its known answers") "ticketTypeId not found in KV store"; another wording of
 * the same ("unknown ticketTypeId", "ticket type id not registered") means the same to a person.
 */
function namesUnknownTicketType(answer) {
    return (/ticket[ _-]?type[ _-]?id/i.test(answer) &&
        /not (?:found|known|registered)|unknown|does ?n[o']t exist|no such/i.test(answer));
}
/** Where a person reads the receiver's own answers, which the summary does not quote. */
const answersAreKept = "each ticket's answer is in the event's delivery ledger (`delivery-ledger*.csv`) and the progress file's `errors`.";
/**
 * From the receiver's answer to the reason in words, first match wins: the one place that
 * decides how a failure is told.
 */
const FAILURE_REASONS = [
    {
        matches: (_, answer) => namesUnknownTicketType(answer),
        reason: {
            kind: 'not-registered',
            words: 'Not registered on the receiver',
            showsStatus: false,
            advice: 'Register these ticket types with the receiver, then run again: only the tickets not delivered go out.',
        },
    },
    {
        matches: (status) => status === null,
        reason: {
            kind: 'no-answer',
            words: 'No answer from the receiver',
            showsStatus: false,
            advice: 'The receiver did not answer in time (down or overloaded): run again later.',
        },
    },
    {
        matches: (status) => status === 408 || status === 429,
        reason: {
            kind: 'receiver-busy',
            words: 'Receiver busy',
            showsStatus: true,
            advice: 'The receiver asked to slow down: run again later, or with a longer `interval`.',
        },
    },
    {
        matches: (status) => status !== null && status >= 500,
        reason: {
            kind: 'receiver-error',
            words: 'Receiver error',
            showsStatus: true,
            advice: 'The receiver failed on them: run again later; if it keeps failing, its own logs say why.',
        },
    },
    {
        matches: (status) => status !== null && status >= 400,
        reason: {
            kind: 'refused',
            words: 'Refused by the receiver',
            showsStatus: true,
            advice: `The receiver refused them: ${answersAreKept}`,
        },
    },
    {
        matches: () => true,
        reason: {
            kind: 'other',
            words: 'Unexpected answer from the receiver',
            showsStatus: true,
            advice: answersAreKept,
        },
    },
];
/** The reason, in words, for a delivery the receiver answered `status` (null: no answer) and `answer`. */
function failureReason(status, answer) {
    return FAILURE_REASONS.find((row) => row.matches(status, answer)).reason;
}
/**
 * The reason for a failure as the ledger keeps it: the status first ("404 {...}"), or
 * "no answer ..." when there was none.
 */
function ledgerFailureReason(ledgerReason) {
    return failureReason(ledgerStatus(ledgerReason), ledgerReason);
}
/** The HTTP status a ledger's failure reason starts with; null for "no answer ...". */
function ledgerStatus(ledgerReason) {
    const status = /^(\d{3})\b/.exec(ledgerReason)?.[1];
    return status === undefined ? null : Number(status);
}
/** "Receiver error (HTTP 502, 503)": the words, with the statuses seen when they tell more. */
function reasonLabel(reason, statuses) {
    const known = [...new Set(statuses.filter((s) => s !== null))].sort();
    return reason.showsStatus && known.length > 0
        ? `${reason.words} (HTTP ${known.join(', ')})`
        : reason.words;
}
/** Failures grouped by their reason in words, most tickets first; in each, by ticket type. */
function groupFailures(failures) {
    const groups = new Map();
    for (const failure of failures) {
        const reason = failureReason(failure.status, failure.reason);
        const group = groups.get(reason) ?? { failures: [] };
        group.failures.push(failure);
        groups.set(reason, group);
    }
    return [...groups]
        .map(([reason, { failures: inGroup }]) => ({
        reason,
        label: reasonLabel(reason, inGroup.map((f) => f.status)),
        tickets: inGroup.length,
        ticketTypes: byTicketType(inGroup),
        ids: inGroup.map((f) => f.ticketId),
    }))
        .sort((a, b) => b.tickets - a.tickets);
}
function byTicketType(failures) {
    const types = new Map();
    for (const { eventId, ticketName, ticketTypeId = null } of failures) {
        const key = JSON.stringify([eventId, ticketName, ticketTypeId]);
        const type = types.get(key) ?? { eventId, ticketName, ticketTypeId, tickets: 0 };
        type.tickets++;
        types.set(key, type);
    }
    return [...types.values()].sort((a, b) => b.tickets - a.tickets || failure_groups_byText(a.eventId, b.eventId) || failure_groups_byText(a.ticketName, b.ticketName));
}
/** Plain code-unit order: the same on every runner, without loading ICU's collation. */
function failure_groups_byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/modes/test-delivery.ts





/**
 * Test mode: one eligible ticket (a `ticketName` with HIA first) delivered to the receiver,
 * progress untouched. The run fails when the receiver does not take it, or no event has one.
 */
function testDelivery(run) {
    const { settings } = run;
    let tried = false;
    return {
        selectionLog: 'full',
        open() {
            warnBeforeDelivering(run);
            return Promise.resolve();
        },
        wants: () => Promise.resolve(true),
        async take(pulled, { eligible }) {
            if (pulled.untrusted !== undefined) {
                throw new errors/* RunStoppedError */.Fz(`${pulled.untrusted} Nothing was delivered from this pull.`);
            }
            const ticket = eligible.find((t) => /HIA/i.test((0,vivenu_tickets/* stringField */.OM)(t, 'ticketName') ?? '')) ?? eligible[0];
            if (!ticket)
                return 'next';
            tried = true;
            await deliverOne(run, pulled.eventId, ticket);
            return 'stop';
        },
        // Progress is not touched, so there is no ledger to make.
        ledgerProgress: () => undefined,
        close: () => Promise.resolve(),
        conclude() {
            if (tried)
                return Promise.resolve();
            throw new errors/* RunStoppedError */.Fz(`No eligible ticket (status ${settings.statuses.join(' or ')}, name containing "${(0,log_text/* logText */.kc)(settings.nameContains)}") in event ${settings.eventIds.join(', ')}.`);
        },
    };
}
async function deliverOne({ settings, services, note }, eventId, ticket) {
    const { logger } = services;
    const delivery = {
        eventId,
        ticketId: ticket._id,
        ticketName: (0,vivenu_tickets/* stringField */.OM)(ticket, 'ticketName') ?? '',
        url: (0,log_text/* urlForDisplay */.Bo)(settings.webhookUrl),
        status: null,
        answer: '',
        delivered: false,
    };
    note({ kind: 'test-delivery', delivery });
    if (settings.dryRun) {
        logger.info(`Dry run: would deliver ${(0,vivenu_tickets/* describeTicket */.Se)(ticket)} to ${delivery.url}`);
        return;
    }
    logger.info(`Test delivery of ${(0,vivenu_tickets/* describeTicket */.Se)(ticket)} to ${delivery.url}`);
    Object.assign(delivery, answerOf(await services.newWebhookSender(0).deliver(ticket)));
    note({ kind: 'test-delivery', delivery });
    logger.info(`Receiver answered ${delivery.status ?? 'nothing'}: ${(0,log_text/* logText */.kc)(delivery.answer) || '(empty)'}`);
    if (!delivery.delivered) {
        // In words, as the summary says it: the receiver's own answer is in the log just above.
        const failure = failureReason(delivery.status, delivery.answer);
        const reason = reasonLabel(failure, [delivery.status]);
        const hint = failure.kind === 'not-registered'
            ? ' The receiver has not registered this ticket type (expected for test and dev data).'
            : '';
        throw new errors/* RunStoppedError */.Fz(`The test delivery of ${(0,log_text/* logText */.kc)(ticket._id)} was not accepted: ${reason}.${hint}`);
    }
}
/** The receiver's answer as the summary shows it. */
function answerOf(outcome) {
    switch (outcome.kind) {
        case 'delivered':
            return { status: outcome.status, answer: outcome.answer, delivered: true };
        case 'interrupted':
            return { status: null, answer: '', delivered: false };
        // The test delivery has no time budget; kept for the type's sake.
        case 'out-of-time':
            return { status: null, answer: outcome.reason, delivered: false };
        case 'failed':
            return { status: outcome.status ?? null, answer: outcome.reason, delivered: false };
        default:
            return { status: outcome.status, answer: outcome.reason, delivered: false };
    }
}

;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/get.js
// Lodash implementation of `get`

const charCodeOfDot = ".".charCodeAt(0);
const reEscapeChar = /\\(\\)?/g;
const rePropName = RegExp(
  // Match anything that isn't a dot or bracket.
  "[^.[\\]]+" +
    "|" +
    // Or match property names within brackets.
    "\\[(?:" +
    // Match a non-string expression.
    "([^\"'][^[]*)" +
    "|" +
    // Or match strings (supports escaping characters).
    "([\"'])((?:(?!\\2)[^\\\\]|\\\\.)*?)\\2" +
    ")\\]" +
    "|" +
    // Or match "" as the space between consecutive dots or empty brackets.
    "(?=(?:\\.|\\[\\])(?:\\.|\\[\\]|$))",
  "g",
);
const reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const reIsPlainProp = /^\w*$/;

const getTag = function (value) {
  // if (!value) value === undefined ? "[object Undefined]" : "[object Null]";
  return Object.prototype.toString.call(value);
};

const isSymbol = function (value) {
  const type = typeof value;
  return (
    type === "symbol" ||
    (type === "object" && value && getTag(value) === "[object Symbol]")
  );
};

const isKey = function (value, object) {
  if (Array.isArray(value)) {
    return false;
  }
  const type = typeof value;
  if (
    type === "number" ||
    type === "symbol" ||
    type === "boolean" ||
    !value ||
    isSymbol(value)
  ) {
    return true;
  }
  return (
    reIsPlainProp.test(value) ||
    !reIsDeepProp.test(value) ||
    (object != null && value in Object(object))
  );
};

const stringToPath = function (string) {
  const result = [];
  if (string.charCodeAt(0) === charCodeOfDot) {
    result.push("");
  }
  string.replace(rePropName, function (match, expression, quote, subString) {
    let key = match;
    if (quote) {
      key = subString.replace(reEscapeChar, "$1");
    } else if (expression) {
      key = expression.trim();
    }
    result.push(key);
  });
  return result;
};

const castPath = function (value, object) {
  if (Array.isArray(value)) {
    return value;
  } else {
    return isKey(value, object) ? [value] : stringToPath(value);
  }
};

const toKey = function (value) {
  if (typeof value === "string" || isSymbol(value)) return value;
  const result = `${value}`;
  return result == "0" && 1 / value == -Infinity ? "-0" : result;
};

const get = function (object, path) {
  path = castPath(path, object);
  let index = 0;
  const length = path.length;
  while (object != null && index < length) {
    object = object[toKey(path[index++])];
  }
  return index && index === length ? object : undefined;
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/normalize_columns.js
const normalize_columns = function (columns) {
  if (columns === undefined || columns === null) {
    return [undefined, undefined];
  }
  if (typeof columns !== "object") {
    return [Error('Invalid option "columns": expect an array or an object')];
  }
  if (!Array.isArray(columns)) {
    const newcolumns = [];
    for (const k in columns) {
      newcolumns.push({
        key: k,
        header: columns[k],
      });
    }
    columns = newcolumns;
  } else {
    const newcolumns = [];
    for (const column of columns) {
      if (typeof column === "string") {
        newcolumns.push({
          key: column,
          header: column,
        });
      } else if (
        typeof column === "object" &&
        column !== null &&
        !Array.isArray(column)
      ) {
        if (!column.key) {
          return [
            Error('Invalid column definition: property "key" is required'),
          ];
        }
        if (column.header === undefined) {
          column.header = column.key;
        }
        newcolumns.push(column);
      } else {
        return [
          Error("Invalid column definition: expect a string or an object"),
        ];
      }
    }
    columns = newcolumns;
  }
  return [undefined, columns];
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ");
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString()
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/normalize_options.js




const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    return [
      new CsvError("CSV_OPTION_BOOLEAN_INVALID_TYPE", [
        "option `bom` is optional and must be a boolean value,",
        `got ${JSON.stringify(options.bom)}`,
      ]),
    ];
  }
  // Normalize option `delimiter`
  if (options.delimiter === undefined || options.delimiter === null) {
    options.delimiter = ",";
  } else if (Buffer.isBuffer(options.delimiter)) {
    options.delimiter = options.delimiter.toString();
  } else if (typeof options.delimiter !== "string") {
    return [
      new CsvError("CSV_OPTION_DELIMITER_INVALID_TYPE", [
        "option `delimiter` must be a buffer or a string,",
        `got ${JSON.stringify(options.delimiter)}`,
      ]),
    ];
  }
  // Normalize option `quote`
  if (options.quote === undefined || options.quote === null) {
    options.quote = '"';
  } else if (options.quote === true) {
    options.quote = '"';
  } else if (options.quote === false) {
    options.quote = "";
  } else if (Buffer.isBuffer(options.quote)) {
    options.quote = options.quote.toString();
  } else if (typeof options.quote !== "string") {
    return [
      new CsvError("CSV_OPTION_QUOTE_INVALID_TYPE", [
        "option `quote` must be a boolean, a buffer or a string,",
        `got ${JSON.stringify(options.quote)}`,
      ]),
    ];
  }
  // Normalize option `quoted`
  if (options.quoted === undefined || options.quoted === null) {
    options.quoted = false;
  } else {
    // todo
  }
  // Normalize option `escape_formulas`
  if (
    options.escape_formulas === undefined ||
    options.escape_formulas === null
  ) {
    options.escape_formulas = false;
  } else if (typeof options.escape_formulas !== "boolean") {
    return [
      new CsvError("CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE", [
        "option `escape_formulas` must be a boolean,",
        `got ${JSON.stringify(options.escape_formulas)}`,
      ]),
    ];
  }
  // Normalize option `quoted_empty`
  if (options.quoted_empty === undefined || options.quoted_empty === null) {
    options.quoted_empty = undefined;
  } else {
    // todo
  }
  // Normalize option `quoted_match`
  if (
    options.quoted_match === undefined ||
    options.quoted_match === null ||
    options.quoted_match === false
  ) {
    options.quoted_match = null;
  } else if (!Array.isArray(options.quoted_match)) {
    options.quoted_match = [options.quoted_match];
  }
  if (options.quoted_match) {
    for (const quoted_match of options.quoted_match) {
      const isString = typeof quoted_match === "string";
      const isRegExp = quoted_match instanceof RegExp;
      if (!isString && !isRegExp) {
        return [
          new CsvError("CSV_OPTION_QUOTED_MATCH", [
            "option `quoted_match` must be a string or a regex,",
            `got ${JSON.stringify(options.quoted_match)}`,
          ]),
        ];
      }
    }
  }
  // Normalize option `quoted_string`
  if (options.quoted_string === undefined || options.quoted_string === null) {
    options.quoted_string = false;
  } else {
    // todo
  }
  // Normalize option `eof`
  if (options.eof === undefined || options.eof === null) {
    options.eof = true;
  } else {
    // todo
  }
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === null) {
    options.escape = '"';
  } else if (Buffer.isBuffer(options.escape)) {
    options.escape = options.escape.toString();
  } else if (typeof options.escape !== "string") {
    return [
      Error(
        `Invalid Option: escape must be a buffer or a string, got ${JSON.stringify(options.escape)}`,
      ),
    ];
  }
  if (options.escape.length > 1) {
    return [
      Error(
        `Invalid Option: escape must be one character, got ${options.escape.length} characters`,
      ),
    ];
  }
  // Normalize option `header`
  if (
    options.header === undefined ||
    options.header === null ||
    options.header === false
  ) {
    options.header = false;
  } else if (options.header !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_HEADER",
      [
        "option `header` is expected to be a boolean,",
        `got ${JSON.stringify(options.header)}`,
      ],
      options,
    );
  }
  // Normalize option `headers_as_comment`
  if (
    options.header_as_comment === undefined ||
    options.header_as_comment === null ||
    options.header_as_comment === false
  ) {
    options.header_as_comment = false;
  } else if (options.header_as_comment === true) {
    options.header_as_comment = "#";
  } else if (Buffer.isBuffer(options.header_as_comment)) {
    options.header_as_comment = options.header_as_comment.toString();
  } else if (typeof options.header_as_comment !== "string") {
    throw new CsvError(
      "CSV_INVALID_OPTION_HEADER_AS_COMMENT",
      [
        "option `header_as_comment` must be a boolean, a string or a buffer,",
        `got ${JSON.stringify(options.header_as_comment)}`,
      ],
      options,
    );
  }
  // if (options.header_as_comment && !options.comment?.length) {
  //   throw new CsvError(
  //     "CSV_INVALID_OPTION_COMMENT",
  //     [
  //       "option `comment` must be a non empty string or buffer when using `header_as_comment`,",
  //       `got ${JSON.stringify(options.comment)}`,
  //     ],
  //     options,
  //   );
  // }
  // Header is always enabled with `header_as_comment`
  // if (options.header_as_comment === true) {
  //   options.header = true;
  // }
  // Normalize option `columns`
  const [errColumns, columns] = normalize_columns(options.columns);
  if (errColumns !== undefined) return [errColumns];
  options.columns = columns;
  // Normalize option `quoted`
  if (options.quoted === undefined || options.quoted === null) {
    options.quoted = false;
  } else {
    // todo
  }
  // Normalize option `cast`
  if (options.cast === undefined || options.cast === null) {
    options.cast = {};
  } else {
    // todo
  }
  // Normalize option cast.bigint
  if (options.cast.bigint === undefined || options.cast.bigint === null) {
    // Cast boolean to string by default
    options.cast.bigint = (value) => "" + value;
  }
  // Normalize option cast.boolean
  if (options.cast.boolean === undefined || options.cast.boolean === null) {
    // Cast boolean to string by default
    options.cast.boolean = (value) => (value ? "1" : "");
  }
  // Normalize option cast.date
  if (options.cast.date === undefined || options.cast.date === null) {
    // Cast date to timestamp string by default
    options.cast.date = (value) => "" + value.getTime();
  }
  // Normalize option cast.number
  if (options.cast.number === undefined || options.cast.number === null) {
    // Cast number to string using native casting by default
    options.cast.number = (value) => "" + value;
  }
  // Normalize option cast.object
  if (options.cast.object === undefined || options.cast.object === null) {
    // Stringify object as JSON by default
    options.cast.object = (value) => JSON.stringify(value);
  }
  // Normalize option cast.string
  if (options.cast.string === undefined || options.cast.string === null) {
    // Leave string untouched
    options.cast.string = function (value) {
      return value;
    };
  }
  // Normalize option `on_record`
  if (
    options.on_record !== undefined &&
    typeof options.on_record !== "function"
  ) {
    return [Error(`Invalid Option: "on_record" must be a function.`)];
  }
  // Normalize option `quote_record_delimiter`
  if (
    options.quote_record_delimiter === undefined ||
    options.quote_record_delimiter === null
  ) {
    options.quote_record_delimiter = !options.record_delimiter;
  } else if (typeof options.quote_record_delimiter !== "boolean") {
    return [
      new CsvError("CSV_OPTION_QUOTE_RECORD_DELIMITER_INVALID_TYPE", [
        "option `quote_record_delimiter` must be a boolean,",
        `got ${JSON.stringify(options.quote_record_delimiter)}`,
      ]),
    ];
  }
  // Normalize option `record_delimiter`
  if (
    options.record_delimiter === undefined ||
    options.record_delimiter === null
  ) {
    options.record_delimiter = "\n";
  } else if (Buffer.isBuffer(options.record_delimiter)) {
    options.record_delimiter = options.record_delimiter.toString();
  } else if (typeof options.record_delimiter !== "string") {
    return [
      Error(
        `Invalid Option: record_delimiter must be a buffer or a string, got ${JSON.stringify(options.record_delimiter)}`,
      ),
    ];
  }
  switch (options.record_delimiter) {
    case "unix":
      options.record_delimiter = "\n";
      break;
    case "mac":
      options.record_delimiter = "\r";
      break;
    case "windows":
      options.record_delimiter = "\r\n";
      break;
    case "ascii":
      options.record_delimiter = "\u001e";
      break;
    case "unicode":
      options.record_delimiter = "\u2028";
      break;
  }
  return [undefined, options];
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/index.js




const bom_utf8 = Buffer.from([239, 187, 191]);
// True when appending `separator` after `value` would let `parse` find
// `separator` starting inside `value`. Besides the field containing the whole
// separator, this also covers boundary fusion: a field whose tail is a
// non-empty prefix of a multi-character separator merges with the appended
// separator (eg value "a:" + delimiter "::" => "a:::", matched at offset 1).
// Such fields must be quoted to round-trip, like RFC 4180 fields containing the
// delimiter, generalized to multi-character delimiters and record delimiters.
const emits_separator = function (value, separators) {
  return separators.some(
    (separator) =>
      separator.length !== 0 &&
      (value.indexOf(separator) !== -1 ||
        (separator.length > 1 &&
          (value + separator).indexOf(separator) < value.length)),
  );
};
// True when `value` matches one of the `quoted_match` patterns. The regexps
// come from the user and the same objects are reused for every field, so the
// test must not depend on their state: `RegExp.prototype.test` advances
// `lastIndex` on a global or sticky regexp, which would make a match in one
// field move where the next field starts matching. `String.prototype.search`
// searches from the start and restores `lastIndex`, and is equivalent to
// `test` for the stateless regexps.
const matches_quoted_match = function (value, quoted_match) {
  if (!quoted_match) return false;
  return quoted_match.some((pattern) =>
    typeof pattern === "string"
      ? value.indexOf(pattern) !== -1
      : value.search(pattern) !== -1,
  );
};

const stringifier = function (options, state, info) {
  return {
    options: options,
    state: state,
    info: info,
    __transform: function (chunk, push) {
      // Chunk validation
      if (!Array.isArray(chunk) && typeof chunk !== "object") {
        return Error(
          `Invalid Record: expect an array or an object, got ${JSON.stringify(chunk)}`,
        );
      }
      // Detect columns from the first record
      if (this.info.records === 0) {
        if (Array.isArray(chunk)) {
          if (
            this.options.header === true &&
            this.options.columns === undefined
          ) {
            return Error(
              "Undiscoverable Columns: header option requires column option or object records",
            );
          }
        } else if (this.options.columns === undefined) {
          const [err, columns] = normalize_columns(Object.keys(chunk));
          if (err) return;
          this.options.columns = columns;
        }
      }
      // Emit the header
      if (this.info.records === 0) {
        this.bom(push);
        const err = this.headers(push);
        if (err) return err;
      }
      // Emit and stringify the record if an object or an array
      try {
        // this.emit('record', chunk, this.info.records);
        if (this.options.on_record) {
          this.options.on_record(chunk, this.info.records);
        }
      } catch (err) {
        return err;
      }
      // Convert the record into a string
      let err, chunk_string;
      if (this.options.eof) {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === undefined) {
          return;
        } else {
          chunk_string = chunk_string + this.options.record_delimiter;
        }
      } else {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === undefined) {
          return;
        } else {
          if (this.options.header || this.info.records) {
            chunk_string = this.options.record_delimiter + chunk_string;
          }
        }
      }
      // Emit the csv
      this.info.records++;
      push(chunk_string);
    },
    stringify: function (chunk, chunkIsHeader = false) {
      if (typeof chunk !== "object") {
        return [undefined, chunk];
      }
      const { columns } = this.options;
      const record = [];
      // Record is an array
      if (Array.isArray(chunk)) {
        // We are getting an array but the user has specified output columns. In
        // this case, we respect the columns indexes
        const length = columns
          ? Math.min(chunk.length, columns.length)
          : chunk.length;
        // Cast record elements
        for (let i = 0; i < length; i++) {
          const field = chunk[i];
          const [err, value] = this.__cast(field, {
            index: i,
            column: i,
            records: this.info.records,
            header: chunkIsHeader,
          });
          if (err) return [err];
          record[i] = [value, field];
        }
        // Record is a literal object
        // `columns` is always defined: it is either provided or discovered.
      } else {
        for (let i = 0; i < columns.length; i++) {
          const field = get(chunk, columns[i].key);
          const [err, value] = this.__cast(field, {
            index: i,
            column: columns[i].key,
            records: this.info.records,
            header: chunkIsHeader,
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      }
      let csvrecord = "";
      for (let i = 0; i < record.length; i++) {
        let options, err;

        let [value, field] = record[i];
        if (typeof value === "string") {
          options = this.options;
        } else if (is_object(value)) {
          // Value is considerered as a mix of a value and options
          options = { ...value };
          value = options.value;
          delete options.value;
          if (
            typeof value !== "string" &&
            value !== undefined &&
            value !== null
          ) {
            if (err)
              return [
                Error(
                  `Invalid Casting Value: returned value must return a string, null or undefined, got ${JSON.stringify(value)}`,
                ),
              ];
          }
          // Merge global options with the ones returned by cast
          options = { ...this.options, ...options };
          [err, options] = normalize_options(options);
          if (err !== undefined) {
            return [err];
          }
        } else if (value === undefined || value === null) {
          options = this.options;
        } else {
          return [
            Error(
              `Invalid Casting Value: returned value must return a string, an object, null or undefined, got ${JSON.stringify(value)}`,
            ),
          ];
        }
        const {
          delimiter,
          escape,
          quote,
          quoted,
          quoted_empty,
          quoted_string,
          quoted_match,
          record_delimiter,
          quote_record_delimiter,
          escape_formulas,
        } = options;
        if ("" === value && "" === field) {
          const quotedMatch = matches_quoted_match(value, quoted_match);
          const shouldQuote =
            quotedMatch ||
            true === quoted_empty ||
            (true === quoted_string && false !== quoted_empty);
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (value) {
          if (typeof value !== "string") {
            return [
              Error(
                `Formatter must return a string, null or undefined, got ${JSON.stringify(value)}`,
              ),
            ];
          }
          const containsdelimiter = emits_separator(value, [delimiter]);
          const containsQuote = quote !== "" && value.indexOf(quote) >= 0;
          const containsEscape = value.indexOf(escape) >= 0 && escape !== quote;
          // Testing `\n` and `\r` covers the three sequences `parse` discovers
          const containsRecordDelimiter = emits_separator(value, [
            record_delimiter,
            ...(quote_record_delimiter === false ? [] : ["\n", "\r"]),
          ]);
          const quotedString = quoted_string && typeof field === "string";
          const quotedMatch = matches_quoted_match(value, quoted_match);
          // See https://github.com/adaltas/node-csv/pull/387
          // More about CSV injection or formula injection, when websites embed
          // untrusted input inside CSV files:
          // https://owasp.org/www-community/attacks/CSV_Injection
          // http://georgemauer.net/2017/10/07/csv-injection.html
          // Apple Numbers unicode normalization is empirical from testing
          if (escape_formulas) {
            switch (value[0]) {
              case "-":
                if (typeof field === "number" || typeof field === "bigint") {
                  break;
                }
                value = `'${value}`;
                break;
              case "=":
              case "+":
              case "@":
              case "\t":
              case "\r":
              case "\uFF1D": // Unicode '='
              case "\uFF0B": // Unicode '+'
              case "\uFF0D": // Unicode '-'
              case "\uFF20": // Unicode '@'
                value = `'${value}`;
                break;
            }
          }
          const shouldQuote =
            containsQuote === true ||
            containsdelimiter ||
            containsRecordDelimiter ||
            quoted ||
            quotedString ||
            quotedMatch;
          if (shouldQuote === true && containsEscape === true) {
            value = value.replaceAll(escape, () => escape + escape);
          }
          if (containsQuote === true) {
            value = value.replaceAll(quote, () => escape + quote);
          }
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (
          quoted_empty === true ||
          (field === "" && quoted_string === true && quoted_empty !== false)
        ) {
          csvrecord += quote + quote;
        }
        if (i !== record.length - 1) {
          csvrecord += delimiter;
        }
      }
      return [undefined, csvrecord];
    },
    bom: function (push) {
      if (this.options.bom !== true) {
        return;
      }
      push(bom_utf8);
    },
    headers: function (push) {
      if (this.options.header === false) {
        return;
      }
      if (this.options.columns === undefined) {
        return;
      }
      let err;
      let headers = this.options.columns.map((column) => column.header);
      if (this.options.eof) {
        [err, headers] = this.stringify(headers, true);
        headers += this.options.record_delimiter;
      } else {
        [err, headers] = this.stringify(headers, true);
      }
      if (err) return err;
      if (this.options.header_as_comment) {
        headers = this.options.header_as_comment + " " + headers;
      }
      push(headers);
    },
    __cast: function (value, context) {
      const type = typeof value;
      try {
        if (type === "string") {
          // Fine for 99% of the cases
          return [undefined, this.options.cast.string(value, context)];
        } else if (type === "bigint") {
          return [undefined, this.options.cast.bigint(value, context)];
        } else if (type === "number") {
          return [undefined, this.options.cast.number(value, context)];
        } else if (type === "boolean") {
          return [undefined, this.options.cast.boolean(value, context)];
        } else if (value instanceof Date) {
          return [undefined, this.options.cast.date(value, context)];
        } else if (type === "object" && value !== null) {
          return [undefined, this.options.cast.object(value, context)];
        } else if (value === null && this.options.cast.null !== undefined) {
          return [undefined, this.options.cast.null(value, context)];
        } else if (
          value === undefined &&
          this.options.cast.undefined !== undefined
        ) {
          return [undefined, this.options.cast.undefined(value, context)];
        } else {
          return [undefined, value];
        }
      } catch (err) {
        return [err];
      }
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/sync.js
/*
CSV Stringify

Please look at the [Sync API](https://csv.js.org/stringify/api/sync/) for
additional information.
*/




const stringify = function (records, opts = {}) {
  const data = [];
  const [err, options] = normalize_options(opts);
  if (err !== undefined) throw err;
  const state = {
    stop: false,
  };
  // Information
  const info = {
    records: 0,
  };
  const api = stringifier(options, state, info);
  for (const record of records) {
    const err = api.__transform(record, function (record) {
      data.push(record);
    });
    if (err !== undefined) throw err;
  }
  if (data.length === 0) {
    api.bom((d) => {
      data.push(d);
    });
    const err = api.headers((headers) => {
      data.push(headers);
    });
    if (err !== undefined) throw err;
  }
  return data.join("");
};



// EXTERNAL MODULE: ./src/atomic-write.ts
var atomic_write = __nccwpck_require__(364);
;// CONCATENATED MODULE: ./src/ledger/delivery-ledger.ts







/** The columns, in order, as the header names them. */
const COLUMNS = [
    { key: '_id', header: '_id' },
    { key: 'ticketName', header: 'ticketName' },
    { key: 'ticketTypeId', header: 'ticketTypeId' },
    { key: 'status', header: 'status' },
    { key: 'createdAt', header: 'createdAt' },
    { key: 'transactionId', header: 'transactionId' },
    { key: 'deliveryId', header: 'delivery id' },
    { key: 'state', header: 'state' },
    { key: 'reason', header: 'reason' },
    { key: 'when', header: 'when' },
    { key: 'redelivered', header: 'redelivered' },
];
/** A recorded time to the second, as `sent_at` keeps delivery times; kept as written when unreadable. */
function sameAsDeliveryTimes(timestamp) {
    const ms = Date.parse(timestamp);
    return Number.isNaN(ms) ? timestamp : (0,progress_progress/* deliveryTime */.wH)(ms);
}
/** The last recorded failure of each ticket of the event (an earlier tool's have no event). */
function lastFailures(errors, eventId) {
    const last = new Map();
    for (const error of errors) {
        if (error.event_id !== '' && (0,progress_progress/* idKey */.T4)(error.event_id) !== (0,progress_progress/* idKey */.T4)(eventId))
            continue;
        last.set((0,progress_progress/* idKey */.T4)(error.ticket_id), error);
    }
    return last;
}
/** The ticket's row, made as one object: a ledger makes one per ticket, 100,000 at a time. */
function rowOf(ticket, how) {
    const field = (name) => (0,vivenu_tickets/* stringField */.OM)(ticket, name) ?? '';
    return {
        _id: ticket._id,
        ticketName: field('ticketName'),
        ticketTypeId: field('ticketTypeId'),
        status: field('status'),
        createdAt: field('createdAt'),
        transactionId: field('transactionId'),
        deliveryId: deliveryId(ticket),
        state: how.state,
        reason: how.reason,
        when: how.when,
        redelivered: how.redelivered,
        eligibleNow: how.eligibleNow,
    };
}
/**
 * The event's ledger: every eligible ticket (oldest first) as delivered, failed (its last
 * answer) or pending, then every ticket delivered earlier that is not eligible now (refunded,
 * `INVALID`, renamed, gone from the pull) as changed since delivery, in delivery order.
 */
function ledgerRows(input) {
    return [...eachLedgerRow(input)];
}
/**
 * The rows of `ledgerRows` one at a time, made as they are read: a run counts and writes them
 * in two passes instead of holding a row per ticket beside the pull (on Node 24, holding the
 * rows of 100,000 tickets grew the pull's peak memory by a sixth).
 */
function* eachLedgerRow(input) {
    const { progress, rules } = input;
    const eventId = rules.eventId;
    const failures = lastFailures(progress.errors, eventId);
    const row = (ticket, how) => {
        const again = progress.lastRedelivery(eventId, ticket._id);
        const redelivered = again ? `${again.at} ${again.status ?? 'no answer'}` : '';
        return rowOf(ticket, { ...how, redelivered });
    };
    const eligibleIds = new Set();
    for (const ticket of input.eligible) {
        eligibleIds.add((0,progress_progress/* idKey */.T4)(ticket._id));
        const failure = failures.get((0,progress_progress/* idKey */.T4)(ticket._id));
        // Delivered under this event, or under another before the ticket moved here.
        const delivery = progress.delivery(eventId, ticket._id);
        if (delivery) {
            const when = delivery.at ?? '';
            yield row(ticket, { eligibleNow: true, state: 'delivered', reason: '', when });
        }
        else if (failure) {
            // Redacted when recorded; again against the ticket as it is now, which may hold more.
            const answer = (0,vivenu_tickets/* redactPersonalData */.Ut)(failure.error, ticket);
            yield row(ticket, {
                eligibleNow: true,
                state: 'failed',
                reason: `${failure.status ?? 'no answer'} ${answer}`.trim(),
                when: sameAsDeliveryTimes(failure.timestamp),
            });
        }
        else {
            yield row(ticket, { eligibleNow: true, state: 'pending', reason: '', when: '' });
        }
    }
    // Left out by the cutoff and never delivered; one delivered before the cutoff was set comes
    // below, with the tickets delivered earlier.
    for (const ticket of input.soldAfterCutoff) {
        if (progress.delivery(eventId, ticket._id))
            continue;
        eligibleIds.add((0,progress_progress/* idKey */.T4)(ticket._id));
        const reason = soldAfterReason(rules);
        yield row(ticket, { eligibleNow: false, state: 'sold after cutoff', reason, when: '' });
    }
    // Only the pulled tickets delivered earlier and not eligible now need finding by id.
    const pulled = new Map();
    for (const ticket of input.tickets) {
        const id = (0,progress_progress/* idKey */.T4)(ticket._id);
        if (!eligibleIds.has(id) && progress.isSent(eventId, ticket._id))
            pulled.set(id, ticket);
    }
    for (const id of progress.sentIds(eventId)) {
        if (eligibleIds.has((0,progress_progress/* idKey */.T4)(id)))
            continue;
        const when = progress.sentAt(eventId, id) ?? '';
        const ticket = pulled.get((0,progress_progress/* idKey */.T4)(id));
        if (ticket === undefined) {
            yield row({ _id: id }, input.pullComplete
                ? {
                    eligibleNow: false,
                    when,
                    state: 'changed since delivery',
                    reason: 'gone from the pull',
                }
                : // An incomplete pull proves nothing about a ticket it did not list.
                    {
                        eligibleNow: false,
                        when,
                        state: 'delivered',
                        reason: 'not in this pull, which was incomplete',
                    });
            continue;
        }
        const why = whyNotEligible(ticket, rules);
        yield row(ticket, {
            eligibleNow: false,
            // Still eligible by the rules, counted under an earlier event of this run, or delivered
            // before a cutoff left it out: unchanged.
            state: why === undefined || why === soldAfterReason(rules)
                ? 'delivered'
                : 'changed since delivery',
            reason: why ?? '',
            when,
        });
    }
}
/** Changed tickets kept in the run report (and so the summary); the ledger has them all. */
const CHANGED_TICKETS_KEPT = 50;
/**
 * How far the event is, from its ledger: delivered of eligible, the failures by answer, what
 * changed since delivery, and the time left at `intervalSeconds` per delivery in runs of
 * `runBudgetMinutes` (`max-runtime-minutes`; the pull's minutes come out of the same budget,
 * so the count is a floor, not a promise).
 */
function eventStanding(eventId, rows, pace) {
    let eligible = 0;
    let delivered = 0;
    let failed = 0;
    let changed = 0;
    let soldAfterCutoff = 0;
    const reasons = new Map();
    const changedShown = [];
    for (const row of rows) {
        if (row.eligibleNow) {
            eligible++;
            if (row.state === 'delivered')
                delivered++;
            if (row.state === 'failed') {
                failed++;
                reasons.set(row.reason, (reasons.get(row.reason) ?? 0) + 1);
            }
        }
        if (row.state === 'sold after cutoff')
            soldAfterCutoff++;
        if (row.state === 'changed since delivery' && changed++ < CHANGED_TICKETS_KEPT) {
            changedShown.push({
                id: row._id,
                ticketName: row.ticketName,
                ticketTypeId: row.ticketTypeId,
                status: row.status,
                change: row.reason,
            });
        }
    }
    const left = eligible - delivered;
    const perRun = pace.intervalSeconds > 0
        ? // The epsilon keeps 0.06 min / 1.8 s at 2 deliveries, not 1.9999…
            Math.max(1, Math.floor((pace.runBudgetMinutes * 60) / pace.intervalSeconds + 1e-9))
        : Number.POSITIVE_INFINITY;
    return {
        eventId,
        eligible,
        delivered,
        failed,
        pending: left - failed,
        soldAfterCutoff,
        failuresByReason: [...reasons]
            .map(([reason, tickets]) => ({ reason, tickets }))
            .sort((a, b) => b.tickets - a.tickets || (a.reason < b.reason ? -1 : 1)),
        changed,
        changedShown,
        timeLeftMs: left * pace.intervalSeconds * 1000,
        followUpRuns: left === 0 ? 0 : Math.ceil(left / perRun),
        runBudgetMinutes: pace.runBudgetMinutes,
        intervalSeconds: pace.intervalSeconds,
        pullComplete: pace.pullComplete,
    };
}
/**
 * The ledger as CSV (RFC 4180 quoting, CRLF line ends) written by csv-stringify, in pieces.
 * - UTF-8 with a byte order mark: Excel opens a `.csv` by double-click in the system's
 *   code page unless a BOM says UTF-8, and ticket names carry non-ASCII ("Zürich", "É")
 *   (donatstudios.com/CSV-An-Encoding-Nightmare, 2022 update: "Current versions of Excel will
 *   only reliably load a UTF-8 CSV if a UTF-8 BOM is in place"; csv.js.org/stringify/options/bom).
 *   LibreOffice and Google Sheets read the BOM as the UTF-8 mark it is.
 * - Formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 *   leading `'`, so a spreadsheet shows it as text instead of running it (OWASP, "CSV
 *   Injection", owasp.org/www-community/attacks/CSV_Injection, and ASVS requirement 1.2.10;
 *   csv-stringify's
 *   `escape_formulas`, csv.js.org/stringify/options/escape_formulas). Ticket names come
 *   from Vivenu, and an answer from the receiver: both are outside values.
 */
function* ledgerCsv(rows) {
    // In slices as the rows come, so a ledger of 100,000 tickets is never one string in memory
    // beside the pull (the header comes with the first slice, even of no rows).
    let slice = [];
    let first = true;
    const piece = () => {
        const text = stringify(slice, {
            bom: first,
            header: first,
            columns: COLUMNS,
            record_delimiter: 'windows',
            escape_formulas: true,
        });
        slice = [];
        first = false;
        return text;
    };
    for (const row of rows) {
        slice.push(row);
        if (slice.length === CSV_ROWS_PER_PIECE)
            yield piece();
    }
    if (first || slice.length > 0)
        yield piece();
}
/** Rows turned into CSV at a time: a few hundred KB. */
const CSV_ROWS_PER_PIECE = 1_000;
/**
 * Writes the receiver's ledger (`ledgerName`, see src/settings/receiver.ts) in `<tickets-dir>/<event>/`
 * beside `all_tickets.json`, so in the artifact, whole or not at all; returns its path.
 */
async function writeLedger(eventDir, ledgerName, rows) {
    const file = external_node_path_default().join(eventDir, ledgerName);
    await (0,atomic_write/* writeFileAtomic */.Z)(file, ledgerCsv(rows));
    return file;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(455);
;// CONCATENATED MODULE: ./src/ticket-files/file-names.ts

/** Longest file name written, in UTF-8 bytes, extension included: safe on every filesystem. */
const MAX_FILE_NAME_BYTES = 120;
const EXTENSION = '.json';
// Characters no filesystem (or a zip of the artifact) should see in a name: path separators,
// Windows' reserved set, controls, and bidi controls that make a name read differently.
const UNSAFE_CHARACTERS = 
// eslint-disable-next-line no-control-regex -- control characters are what this removes
/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The longest `_id` suffix used to tell clashing names apart; Vivenu ids are 24 characters. */
const MAX_SUFFIX_BYTES = 40;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** The holder's name as Vivenu gave it, or "no name". */
function holderName(ticket) {
    const full = (0,vivenu_tickets/* stringField */.OM)(ticket, 'name')?.trim();
    if (full)
        return full;
    const parts = [(0,vivenu_tickets/* stringField */.OM)(ticket, 'firstname'), (0,vivenu_tickets/* stringField */.OM)(ticket, 'lastname')];
    const joined = parts
        .filter((part) => part?.trim())
        .join(' ')
        .trim();
    return joined || 'no name';
}
/** One name part made safe: no separators, controls or reserved characters, single spaces. */
function sanitizeNamePart(value) {
    return value.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE_CHARACTERS, '_').trim();
}
/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character. */
function truncateUtf8(text, maxBytes) {
    if (Buffer.byteLength(text) <= maxBytes)
        return text;
    let bytes = 0;
    let result = '';
    for (const character of text) {
        bytes += Buffer.byteLength(character);
        if (bytes > maxBytes)
            break;
        result += character;
    }
    return result;
}
function finishName(stem, suffix) {
    const room = MAX_FILE_NAME_BYTES - Buffer.byteLength(suffix + EXTENSION);
    const fit = (text, bytes) => truncateUtf8(text, bytes).replace(/[. ]+$/, '');
    const trimmed = stem.replace(/^[. ]+/, '');
    let name = fit(trimmed, room);
    // Windows will not open "nul.json" or "CON.x.json": a leading "_" defuses the device name.
    if (name === '' || WINDOWS_DEVICE_NAME.test(name.split('.')[0] ?? ''))
        name = `_${fit(trimmed, room - 1)}`;
    return `${name}${suffix}${EXTENSION}`;
}
function clashSuffix(ticket, n) {
    const id = truncateUtf8(sanitizeNamePart(ticket._id), MAX_SUFFIX_BYTES);
    return n === undefined ? `_${id}` : `_${id}_${n}`;
}
/**
 * File names for `individual/`, one per ticket, in the tickets' order: `<barcode>_<holder>.json`
 * as the earlier pull tool wrote them (`HYgzx3nvev_Paddy McCann.json`). Unique even on
 * case-insensitive filesystems: a clash gets the ticket's `_id` appended.
 */
function individualFileNames(tickets) {
    return [...eachIndividualFileName(tickets)];
}
/**
 * The same names one at a time, for writing the files as they come: a pull of 100,000
 * tickets need not hold all their names at once.
 */
function* eachIndividualFileName(tickets) {
    const taken = new Set();
    for (const ticket of tickets) {
        const barcode = sanitizeNamePart((0,vivenu_tickets/* stringField */.OM)(ticket, 'barcode') ?? '') || sanitizeNamePart(ticket._id);
        const stem = `${barcode}_${sanitizeNamePart(holderName(ticket))}`;
        let name = [finishName(stem, ''), finishName(stem, clashSuffix(ticket))].find((candidate) => !taken.has(candidate.toLowerCase()));
        for (let n = 2; name === undefined; n++) {
            const candidate = finishName(stem, clashSuffix(ticket, n));
            if (!taken.has(candidate.toLowerCase()))
                name = candidate;
        }
        taken.add(name.toLowerCase());
        yield name;
    }
}

;// CONCATENATED MODULE: ./src/ticket-files/ticket-files.ts







function eventFilePaths(ticketsDir, eventId) {
    const eventDir = external_node_path_default().join(ticketsDir, eventId);
    return {
        eventDir,
        allTickets: external_node_path_default().join(eventDir, 'all_tickets.json'),
        metadata: external_node_path_default().join(eventDir, 'metadata.json'),
        individualDir: external_node_path_default().join(eventDir, 'individual'),
    };
}
/**
 * `JSON.stringify(tickets, null, 2)` and a new line, one ticket at a time: a pull of 100,000
 * tickets never holds the file's text, or a large part of it, as one string. Numbers are
 * written as Vivenu wrote them (ticket-json.ts).
 */
function* prettyJsonArray(items) {
    if (items.length === 0) {
        yield '[]\n';
        return;
    }
    for (let index = 0; index < items.length; index++) {
        const item = (0,ticket_json/* ticketJson */.Xe)(items[index], 2).replace(/^/gm, '  ');
        yield `${index === 0 ? '[\n' : ',\n'}${item}`;
    }
    yield '\n]\n';
}
const INDIVIDUAL_WRITES_IN_FLIGHT = 32;
/**
 * The earlier pull tool's layout, per event:
 * `all_tickets.json`, `metadata.json` and `individual/<barcode>_<holder>.json`.
 * A previous pull's `individual/` is replaced, so the folder always matches `all_tickets.json`.
 */
async function writeEventFiles(ticketsDir, tickets, metadata) {
    const files = eventFilePaths(ticketsDir, metadata.event_id);
    try {
        return await writeEachFile(files, tickets, metadata);
    }
    catch (error) {
        // Named for the input behind the path: a bare EACCES or ENOSPC says nothing to act on.
        const file = error.path ?? files.eventDir;
        throw (0,errors/* namingInput */.nm)('tickets-dir', 'write the pulled tickets to', file, error);
    }
}
async function writeEachFile(files, tickets, metadata) {
    await (0,promises_.rm)(files.individualDir, { recursive: true, force: true });
    await (0,promises_.mkdir)(files.individualDir, { recursive: true });
    const writes = [];
    let index = 0;
    for (const name of eachIndividualFileName(tickets)) {
        const ticket = tickets[index++];
        const file = external_node_path_default().join(files.individualDir, name);
        // Names are sanitised already; this guards the guarantee itself.
        if (external_node_path_default().dirname(file) !== files.individualDir) {
            throw new Error(`refusing to write ticket ${(0,log_text/* logText */.kc)(ticket._id)} outside ${files.individualDir}`);
        }
        writes.push((0,promises_.writeFile)(file, `${(0,ticket_json/* ticketJson */.Xe)(ticket, 2)}\n`));
        if (writes.length === INDIVIDUAL_WRITES_IN_FLIGHT)
            await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    await (0,atomic_write/* writeFileAtomic */.Z)(files.allTickets, prettyJsonArray(tickets));
    await (0,atomic_write/* writeFileAtomic */.Z)(files.metadata, `${JSON.stringify(metadata, null, 2)}\n`);
    return files;
}
/** Where rows without a string `_id` are kept for review, beside `all_tickets.json`. */
const ROWS_WITHOUT_ID_FILE = 'without_id.json';
/**
 * Keeps the pull's rows without an `_id` in `without_id.json` (none: the file of an earlier
 * pull is removed, so the folder matches this pull). They are not in `all_tickets.json`:
 * without an id they cannot be recorded as sent, so nothing may deliver them.
 */
async function keepRowsWithoutId(eventDir, rows) {
    const file = external_node_path_default().join(eventDir, ROWS_WITHOUT_ID_FILE);
    if (rows.length === 0)
        await (0,promises_.rm)(file, { force: true });
    else
        await (0,atomic_write/* writeFileAtomic */.Z)(file, prettyJsonArray(rows));
    return file;
}
/** Where rows nested too deep to deliver are kept for review, beside `all_tickets.json`. */
const ROWS_TOO_DEEP_FILE = 'too_deep.json';
/**
 * Keeps the pull's rows nested deeper than a ticket may be in `too_deep.json`, one compact row
 * a line (none: an earlier pull's file is removed). Written on a stack of its own
 * (`compactJson`): JSON.stringify runs out of stack on them (issue 23, row 2).
 */
async function keepRowsTooDeep(eventDir, rows) {
    const file = external_node_path_default().join(eventDir, ROWS_TOO_DEEP_FILE);
    if (rows.length === 0)
        await (0,promises_.rm)(file, { force: true });
    else
        await (0,atomic_write/* writeFileAtomic */.Z)(file, rows.map((row, index) => `${index === 0 ? '[\n' : ',\n'}${(0,ticket_json/* compactJson */.Ar)(row)}`).concat('\n]\n'));
    return file;
}

// EXTERNAL MODULE: ./src/settings/receiver.ts
var receiver = __nccwpck_require__(780);
;// CONCATENATED MODULE: ./src/ledger/event-ledger.ts






/**
 * The ledger stage, once an event has ended: writes its ledger (the receiver's
 * `delivery-ledger*.csv`) from the pull, the selection and the progress the mode keeps, and
 * notes how far the event is. A ledger that cannot be made or written is said and skipped: it
 * is a report, rebuilt on every run from the progress file, which holds every delivery; it
 * never fails the run or hides its error. No progress (test mode, or nothing to read): no
 * ledger.
 */
async function keepLedger({ settings, services, note }, { pulled, selection }, progress) {
    if (!progress)
        return;
    const { logger } = services;
    const { eventId } = pulled;
    const cannot = (error) => logger.warning(`event ${eventId}: the delivery ledger could not be written in tickets-dir (${(0,log_text/* logText */.kc)(error.message)}); the progress file holds every delivery, and the next run writes the ledger again.`);
    // Made twice, as read (to count, then to write), rather than held: see eachLedgerRow.
    const rows = () => eachLedgerRow({
        tickets: pulled.tickets,
        eligible: selection.eligible,
        soldAfterCutoff: selection.soldAfterCutoff,
        pullComplete: pulled.complete,
        rules: {
            eventId,
            statuses: settings.statuses,
            nameContains: settings.nameContains,
            soldBefore: settings.soldBefore,
        },
        progress,
    });
    let standing;
    try {
        standing = eventStanding(eventId, rows(), {
            intervalSeconds: settings.intervalSeconds,
            runBudgetMinutes: settings.maxRuntimeMinutes,
            pullComplete: pulled.complete,
        });
    }
    catch (error) {
        return cannot(error);
    }
    logger.info(standingLine(standing));
    try {
        const eventDir = eventFilePaths(settings.ticketsDir, eventId).eventDir;
        const ledgerFile = await writeLedger(eventDir, (0,receiver/* ledgerFileName */.NA)(settings.receiver), rows());
        standing = { ...standing, ledgerFile };
        logger.info(`Delivery ledger of event ${eventId}: ${(0,log_text/* logText */.kc)(ledgerFile)}`);
    }
    catch (error) {
        cannot(error);
    }
    note({ kind: 'standing', standing });
}
/** How far an event is, in one log line: the summary has the detail, the ledger every ticket. */
function standingLine(standing) {
    const parts = [
        `event ${standing.eventId}: ${(0,format/* count */.U)(standing.delivered)} of ${(0,format/* count */.U)(standing.eligible)} eligible delivered over all runs (${percentDelivered(standing)})`,
        `${(0,format/* count */.U)(standing.failed)} failed`,
        `${(0,format/* count */.U)(standing.pending)} never tried`,
    ];
    if (standing.changed > 0)
        parts.push(`${(0,format/* count */.U)(standing.changed)} changed since delivery`);
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./src/run-events.ts
/** Folds one event into the report: the one place that writes a RunReport. */
function noteInReport(report, event) {
    switch (event.kind) {
        case 'event-named':
            (report.events ??= []).push(event.event);
            return;
        case 'pulled':
            report.pulls.push(event.pull);
            return;
        case 'event-selected':
            report.syncs.push({ ...event.sync });
            return;
        case 'delivered': {
            const sync = syncOf(report, event.eventId);
            sync.sentNow++;
            sync.remaining--;
            return;
        }
        case 'delivery-failed':
            report.failures.push(event.failure);
            syncOf(report, event.failure.eventId).failed++;
            return;
        case 'planned':
            report.plans.push(event.plan);
            return;
        case 'standing':
            (report.standings ??= []).push(event.standing);
            return;
        case 'test-delivery':
            report.testDelivery = { ...event.delivery };
            return;
        case 'redelivery-chosen':
            report.redelivery = { ...event.redelivery, tickets: [...event.redelivery.tickets] };
            return;
        case 'redelivered':
            noteRedelivered(report, event.ticket);
            return;
        case 'stopped':
            report.stop = { reason: event.reason, message: event.message };
            return;
        case 'publishing':
            report.publishing = { ...event.publishing };
            return;
        case 'concluded':
            report.complete = event.complete;
            if (event.followUp)
                report.followUp = event.followUp;
            return;
        case 'failed':
            report.failure = event.failure;
            return;
        case 'finished':
            report.finishedAtMs = event.atMs;
            return;
        case 'artifact-named':
            report.artifactName = event.name;
            return;
        default:
            return event;
    }
}
/** The event's sync figures, noted when it was selected (the last, should it be noted twice). */
function syncOf(report, eventId) {
    const sync = report.syncs.findLast((s) => s.eventId === eventId);
    if (!sync)
        throw new Error(`no selection was noted for event ${eventId}`);
    return sync;
}
function noteRedelivered(report, ticket) {
    const tickets = report.redelivery?.tickets;
    if (!tickets)
        throw new Error('a redelivery was noted before its tickets were chosen');
    const index = tickets.findIndex((t) => t.id === ticket.id);
    if (index < 0)
        throw new Error(`ticket ${ticket.id} was not chosen for redelivery`);
    tickets[index] = ticket;
}

// EXTERNAL MODULE: ./src/settings/settings.ts + 4 modules
var settings_settings = __nccwpck_require__(712);
;// CONCATENATED MODULE: ./src/pipeline/look-up-events.ts


/**
 * Asks Vivenu for each event's name and dates, to show which event an id is. Failure policy:
 * a 404 (the event is not this account's: most likely another region's) or a refused key
 * fails the run before anything is pulled or sent; a 403 (the key may not read events) is said
 * once and the run goes on, as do answers that kept failing or are not an event: the name is a
 * convenience, the tickets are the job.
 */
async function lookUpEvents({ settings, services, note, }) {
    const { logger, vivenu } = services;
    const events = [];
    for (const eventId of settings.eventIds) {
        const lookup = await vivenu.fetchEvent(eventId);
        if (lookup.kind === 'found') {
            events.push(lookup.info);
            note({ kind: 'event-named', event: lookup.info });
            logger.info(`Event ${eventId}: ${(0,log_text/* logText */.kc)((0,event_info/* eventTitle */.X_)(lookup.info))}`);
        }
        else if (lookup.kind === 'forbidden') {
            logger.warning(`The ${settings.region}_API key may not read events (403 from ${settings.vivenuOrigin}/api/events): events are shown by id only. The tickets are pulled as before.`);
            return events;
        }
        else {
            logger.warning(`event ${eventId}: its name is not known (${(0,log_text/* logText */.kc)(lookup.reason)}): shown by id only. The tickets are pulled as before.`);
        }
    }
    return events;
}

;// CONCATENATED MODULE: ./src/ticket-files/event-metadata.ts

/**
 * How many tickets have each value of a field; a missing or non-string value counts as "(none)".
 * The values come from Vivenu, so the counts sit in an object without a prototype: a status
 * `toString` or a ticket name `constructor` is counted like any other (on a plain object it
 * would find Object.prototype's function), and a `__proto__` becomes an own key that
 * JSON.stringify writes out instead of swapping the prototype and vanishing.
 */
function countBy(tickets, field) {
    const counts = Object.create(null);
    for (const ticket of tickets) {
        const value = (0,vivenu_tickets/* stringField */.OM)(ticket, field) ?? '(none)';
        counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
}
/**
 * Counts most frequent first, ties by value. A list, not an object: object keys that look like
 * numbers ("2025") would otherwise jump to the front.
 */
function sortedCounts(counts) {
    return Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}
/** `metadata.json`: what was pulled, counted. No personal data: ticket types and statuses only. */
function buildEventMetadata(pulled, context) {
    const created = (0,vivenu_tickets/* creationRange */.T1)(pulled.tickets);
    return {
        event_id: pulled.eventId,
        region: context.region,
        pulled_at: context.pulledAt.toISOString(),
        vivenu_origin: context.origin,
        total_reported: pulled.totalReported,
        total_pulled: pulled.tickets.length,
        without_id: pulled.withoutId.length,
        complete: pulled.complete,
        by_status: countBy(pulled.tickets, 'status'),
        by_ticket_name: countBy(pulled.tickets, 'ticketName'),
        first_created_at: created.first,
        last_created_at: created.last,
        api_calls: pulled.apiCalls,
        retries: pulled.retries,
        passes: pulled.passes,
        duration_ms: pulled.durationMs,
    };
}

;// CONCATENATED MODULE: ./src/vivenu/shared-strings.ts
/**
 * One copy of each string value that tickets repeat, for a pull that holds every ticket.
 *
 * The tickets of one event repeat most short values (status, currency, ticket name, the event,
 * seller and ticket type ids, a city, a shirt size) and each ticket carries its creation date
 * two or three times, yet `JSON.parse` gives every ticket copies of its own. Node 20's V8 shared
 * short values while parsing; Node 24's V8 does so only for a page that is all Latin-1, and a
 * page with one "Łukasz" or "李" in it is not. Held for a pull of 100,000 tickets, the copies
 * made up over a third of the heap.
 *
 * A field stops being pooled once it has shown many distinct values (ids, barcodes, e-mails):
 * the pool would only grow there, without sharing anything.
 */
/** Distinct values a field may show and still be pooled. */
const MOST_DISTINCT_VALUES_PER_FIELD = 1_000;
/** Longer strings are rarely repeated, and costly to hash. */
const LONGEST_POOLED = 200;
/** What a ticket repeats within itself worth finding is dates and ids, not short words. */
const SHORTEST_REPEATED_IN_A_RECORD = 16;
/** Values nested deeper than this are left as they are. */
const DEEPEST = 4;
class SharedStrings {
    /** Per field path: its distinct values so far, or null once it has too many to pool. */
    fields = new Map();
    /**
     * Points every string value of `record` (and of the objects and arrays in it) that an earlier
     * record, or an earlier field of this one, already holds at that earlier copy. In place: the
     * record keeps the same keys in the same order with equal values; only which copy of an
     * equal string it refers to changes.
     */
    share(record) {
        this.shareIn(record, '', 0, []);
        return record;
    }
    shareIn(target, path, depth, 
    /** Longer values met so far in this record. */
    seenInRecord) {
        const slots = target;
        const isArray = Array.isArray(target);
        const keys = isArray ? [...target.keys()] : Object.keys(target);
        for (const key of keys) {
            const value = slots[key];
            const field = isArray ? `${path}[]` : path === '' ? key : `${path}.${key}`;
            if (typeof value === 'string') {
                if (value.length === 0 || value.length > LONGEST_POOLED)
                    continue;
                const shared = this.pooled(field, value) ?? earlierInRecord(seenInRecord, value);
                if (shared !== undefined)
                    slots[key] = shared;
            }
            else if (typeof value === 'object' && value !== null && depth < DEEPEST) {
                this.shareIn(value, field, depth + 1, seenInRecord);
            }
        }
    }
    /** The field's earlier copy of `value`; undefined for a first copy or a field no longer pooled. */
    pooled(field, value) {
        let values = this.fields.get(field);
        if (values === null)
            return undefined;
        if (values === undefined) {
            values = new Map();
            this.fields.set(field, values);
        }
        const earlier = values.get(value);
        if (earlier !== undefined)
            return earlier;
        if (values.size >= MOST_DISTINCT_VALUES_PER_FIELD)
            this.fields.set(field, null);
        else
            values.set(value, value);
        return undefined;
    }
}
function earlierInRecord(seen, value) {
    if (value.length < SHORTEST_REPEATED_IN_A_RECORD)
        return undefined;
    for (const earlier of seen)
        if (earlier === value)
            return earlier;
    seen.push(value);
    return undefined;
}

;// CONCATENATED MODULE: ./src/vivenu/pull-event.ts






/** A page answered this fast lets the next ask for twice as many tickets. */
const FAST_PAGE_MS = 2_000;
/** A page this slow halves the next. */
const SLOW_PAGE_MS = 10_000;
/** After a 429, one page at a time for this long. */
const RATE_LIMIT_CALM_MS = 30_000;
/**
 * Pages in a row that bring no row not already met this pass: Vivenu is repeating itself
 * (issue 11: `total: 1e9` with the same rows on every page paged until the job timed out).
 * One such page can happen when sales shift rows; two in a row is not paging any more.
 */
const REPEATED_PAGES_IN_A_ROW = 2;
/**
 * Past Vivenu's largest `total`, paging goes on (to show how far off it is) for at most this many
 * more tickets, or as many again as `total`, whichever is more: a server whose pages never end
 * must not keep the job paging, and the pull is untrusted already.
 */
const MOST_TICKETS_PAST_TOTAL = 10_000;
/**
 * Every ticket of one event. Vivenu has no sort parameter and sales go on while we page, so
 * rows can move between pages: tickets are collected by `_id`, and a pass that ends short of
 * `total` is followed by one more pass to pick up what moved.
 *
 * Paging ends on a short page (fewer rows than asked) or an empty one, never on `total`
 * alone: a `total` that lies low would otherwise hide the rest of the event. `total` is the
 * check: more unique rows than Vivenu ever reported, fewer than it reports after a second
 * pass, or pages that repeat, and the pull is untrusted (`untrusted` says why).
 */
async function pullEvent(eventId, options) {
    const { client, clock, logger } = options;
    const started = clock.monotonic();
    const callsBefore = client.apiCalls;
    const retriesBefore = client.retries;
    const pass = new PagingPass(eventId, options);
    while (pass.passes < 2) {
        await pass.run();
        if (pass.repeated || pass.unique >= pass.total)
            break;
        if (pass.passes === 1) {
            logger.info(`${(0,format/* count */.U)(pass.unique)} unique of ${(0,format/* count */.U)(pass.total)} reported: tickets moved between pages while paging; paging once more`);
        }
    }
    const untrusted = untrustedReason(eventId, pass);
    return {
        eventId,
        tickets: [...pass.seen.values()].sort(vivenu_tickets/* compareByCreation */.gx),
        withoutId: [...pass.withoutId.values()],
        tooDeep: [...pass.tooDeep.values()],
        totalReported: pass.total,
        apiCalls: client.apiCalls - callsBefore,
        retries: client.retries - retriesBefore,
        passes: pass.passes,
        durationMs: clock.monotonic() - started,
        complete: untrusted === undefined,
        ...(untrusted === undefined ? {} : { untrusted }),
    };
}
/** Why the pass's rows cannot be taken for the event, with the numbers; undefined when they can. */
function untrustedReason(eventId, pass) {
    const event = (0,log_text/* logText */.kc)(eventId);
    if (pass.repeated) {
        const [first, second] = pass.repeated.map((skip) => (0,format/* count */.U)(skip));
        return (`event ${event}: Vivenu's pages repeat: the pages from ticket ${first} and from ticket ${second} ` +
            `brought no ticket not already pulled (${(0,format/* count */.U)(pass.unique)} unique pulled, Vivenu reported ${(0,format/* count */.U)(pass.largestTotalEver)}). ` +
            `The pull is not trusted; the files hold what was pulled. Run again later; if it repeats, report these numbers to Vivenu.`);
    }
    if (pass.unique > pass.largestTotalEver) {
        return (`event ${event}: pulled ${(0,format/* count */.U)(pass.unique)} unique tickets but Vivenu never reported more than ` +
            `${(0,format/* count */.U)(pass.largestTotalEver)}: pages kept coming full past its total. The pull is not trusted; ` +
            `the files hold what was pulled. Run again later; if it repeats, report these numbers to Vivenu.`);
    }
    if (pass.unique < pass.total) {
        return (`event ${eventId}: pulled ${(0,format/* count */.U)(pass.unique)} unique tickets but Vivenu reported ` +
            `${(0,format/* count */.U)(pass.total)}, even after paging a second time. Tickets may be ` +
            `selling right now, or Vivenu's count is off; the files hold what was pulled. Run again.`);
    }
    return undefined;
}
/**
 * Pages through the event: the first page alone (it tells `total`), then up to `concurrency`
 * pages at once, each asking for as many tickets as the last answers allow. A page that
 * comes back short of what it covered (a halved page size, a server cap) before Vivenu's
 * `total` leaves a gap that is asked for again, so no offset is skipped; an empty answer
 * there ends the pass. Past `total`, pages go one at a time until a short or empty page.
 */
class PagingPass {
    eventId;
    options;
    seen = new Map();
    /** Rows without a string `_id`, keyed by their JSON: the same row on two pages is kept once. */
    withoutId = new Map();
    /** Rows too deep to write with JSON.stringify, keyed by `_id` (or their text without one). */
    tooDeep = new Map();
    /** Every ticket is held until the pull ends: repeated values are held once. */
    strings = new SharedStrings();
    total = 0;
    /** The largest `total` any page of any pass reported: the most the event can hold. */
    largestTotalEver = 0;
    passes = 0;
    /** The offsets of the pages that repeated, when paging stopped for it. */
    repeated;
    pageSize;
    maxPageSize;
    concurrency;
    pagesRead = 0;
    calmUntil = Number.NEGATIVE_INFINITY;
    rateLimitedSeen = 0;
    // Per pass:
    nextSkip = 0;
    /** A `total` that shrinks while we page must not end the pass early: page to the largest. */
    largestTotal = 0;
    /** An empty page at this offset, or the end of a short page past `total`: nothing lies beyond. */
    endAt = Number.POSITIVE_INFINITY;
    gaps = [];
    /** Ids met in a second pass, which re-reads rows the first pass met. */
    metThisPass;
    /** Offsets of the latest pages in a row that brought nothing new this pass. */
    pagesWithNothingNew = [];
    constructor(eventId, options) {
        this.eventId = eventId;
        this.options = options;
        this.pageSize = options.pageSize;
        this.maxPageSize = Math.max(options.pageSize, options.maxPageSize ?? vivenu_client/* MAX_PAGE_SIZE */.H4);
        this.concurrency = Math.max(1, options.concurrency ?? 1);
    }
    /** Unique rows so far: tickets by `_id`, the rows without one, and those too deep. */
    get unique() {
        return this.seen.size + this.withoutId.size + this.tooDeep.size;
    }
    async run() {
        this.passes++;
        this.largestTotal = 0;
        this.endAt = Number.POSITIVE_INFINITY;
        this.gaps = [];
        this.pagesWithNothingNew = [];
        this.metThisPass = this.passes > 1 ? new Set() : undefined;
        this.nextSkip = this.pageSize;
        await this.read({ skip: 0, top: this.pageSize });
        const inFlight = new Set();
        for (;;) {
            const range = inFlight.size < this.pagesAllowedInFlight() ? this.takeRange() : undefined;
            if (range) {
                const reading = this.read(range).finally(() => inFlight.delete(reading));
                inFlight.add(reading);
                continue;
            }
            if (inFlight.size === 0)
                return;
            await Promise.race(inFlight);
        }
    }
    /**
     * One page at a time after a 429, and past the reported `total`, where each page may be the
     * last (an honest Vivenu answers there with a short or empty page).
     */
    pagesAllowedInFlight() {
        if (this.options.clock.monotonic() < this.calmUntil)
            return 1;
        if (this.gaps.length === 0 && this.nextSkip >= this.largestTotal)
            return 1;
        return this.concurrency;
    }
    takeRange() {
        if (this.repeated || this.unique > this.mostTicketsBelieved())
            return undefined;
        while (this.gaps.length > 0) {
            const gap = this.gaps.shift();
            if (gap.skip >= this.endAt)
                continue;
            // A gap is asked for at the current page size (after a 503 storm, in smaller pieces),
            // but never leaving a sliver smaller than the smallest page.
            if (gap.top - this.pageSize >= vivenu_client/* MIN_PAGE_SIZE */.RA) {
                this.gaps.unshift({ skip: gap.skip + this.pageSize, top: gap.top - this.pageSize });
                return { skip: gap.skip, top: this.pageSize };
            }
            return gap;
        }
        if (this.nextSkip >= this.endAt)
            return undefined;
        const range = { skip: this.nextSkip, top: this.pageSize };
        this.nextSkip += range.top;
        return range;
    }
    /** Beyond this many unique rows, paging stops: no honest event of this `total` holds them. */
    mostTicketsBelieved() {
        const total = this.largestTotalEver;
        return Math.max(2 * total, total + MOST_TICKETS_PAST_TOTAL);
    }
    async read(range) {
        const { client, clock, logger } = this.options;
        const started = clock.monotonic();
        const page = await client.fetchPage(this.eventId, range.skip, range.top);
        const elapsed = clock.monotonic() - started;
        this.total = page.total;
        this.largestTotal = Math.max(this.largestTotal, page.total);
        this.largestTotalEver = Math.max(this.largestTotalEver, page.total);
        let nothingNew = page.rows.length > 0;
        for (const row of page.rows)
            if (this.keep(row))
                nothingNew = false;
        this.noteRepeats(range.skip, page.rows.length, nothingNew);
        this.noteEnd(range, page.rows.length, page.pageSize);
        this.pagesRead++;
        logger.info(`page ${this.pagesRead}: ${(0,format/* count */.U)(this.unique)}/${(0,format/* count */.U)(page.total)}`);
        this.adapt(page.pageSize, range.top, elapsed);
    }
    /** Holds `row` unless it was held already; true when it is new to this pass. */
    keep(row) {
        let isNew;
        let key;
        // First, before anything recurses into it (JSON.stringify would, for the key below).
        if ((0,ticket_json/* nestedDeeperThan */.iS)(row, ticket_json/* MAX_TICKET_DEPTH */.En)) {
            key = (0,vivenu_client/* hasId */.YC)(row) ? row._id : (0,ticket_json/* compactJson */.Ar)(row);
            isNew = !this.tooDeep.has(key);
            if (isNew)
                this.tooDeep.set(key, row);
            key = `\u0001${key}`;
        }
        else if ((0,vivenu_client/* hasId */.YC)(row)) {
            key = row._id;
            isNew = !this.seen.has(key);
            if (isNew)
                this.seen.set(key, this.strings.share(row));
        }
        else {
            key = JSON.stringify(row);
            isNew = !this.withoutId.has(key);
            if (isNew)
                this.withoutId.set(key, row);
            key = `\u0000${key}`;
        }
        if (!this.metThisPass)
            return isNew;
        const newThisPass = !this.metThisPass.has(key);
        this.metThisPass.add(key);
        return newThisPass;
    }
    /** Two non-empty pages in a row with nothing new end the pass: Vivenu is repeating itself. */
    noteRepeats(skip, rows, nothingNew) {
        if (rows === 0)
            return;
        if (!nothingNew) {
            this.pagesWithNothingNew = [];
            return;
        }
        this.pagesWithNothingNew.push(skip);
        if (this.pagesWithNothingNew.length >= REPEATED_PAGES_IN_A_ROW && !this.repeated) {
            const [first, second] = this.pagesWithNothingNew.slice(-2);
            this.repeated = [first, second];
        }
    }
    /**
     * Where the list ends, from a page's length: an empty page ends it; a short one ends it at
     * or past the reported `total`, and before it leaves the rest to be asked for again (a cap,
     * rows that moved). A page of a halved size leaves the rest of its range to ask for too.
     */
    noteEnd(range, rows, askedSize) {
        if (rows === 0) {
            this.endAt = Math.min(this.endAt, range.skip);
        }
        else if (rows < askedSize && range.skip + rows >= this.largestTotal) {
            this.endAt = Math.min(this.endAt, range.skip + rows);
        }
        else if (rows < range.top && range.skip + rows < this.endAt) {
            this.gaps.push({ skip: range.skip + rows, top: range.top - rows });
        }
    }
    /** Grows the page size while pages are fast and healthy; shrinks it on 503s, 429s and slow pages. */
    adapt(answeredSize, askedSize, elapsedMs) {
        const { client, clock } = this.options;
        if (client.rateLimited > this.rateLimitedSeen) {
            this.rateLimitedSeen = client.rateLimited;
            this.calmUntil = clock.monotonic() + RATE_LIMIT_CALM_MS;
            return;
        }
        if (answeredSize < askedSize)
            this.pageSize = Math.min(this.pageSize, answeredSize);
        else if (elapsedMs >= SLOW_PAGE_MS)
            this.pageSize = Math.max(vivenu_client/* MIN_PAGE_SIZE */.RA, Math.floor(this.pageSize / 2));
        else if (elapsedMs < FAST_PAGE_MS && clock.monotonic() >= this.calmUntil) {
            this.pageSize = Math.min(this.maxPageSize, this.pageSize * 2);
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline/pull-to-files.ts







/**
 * The pull and files stages of one event: every ticket Vivenu lists, kept as files for people
 * to review. Files are written even for an incomplete pull: nothing pulled is thrown away.
 */
async function pullToFiles(run, eventId, info) {
    const { settings, services, note } = run;
    const { logger, clock } = services;
    const name = info ? `: ${(0,log_text/* logText */.kc)((0,event_info/* eventTitle */.X_)(info))}` : '';
    return logger.group(`Pull event ${eventId} (${settings.region})${name}`, async () => {
        const pulled = await pullEvent(eventId, {
            client: services.vivenu,
            clock,
            logger,
            pageSize: settings.pageSize,
            concurrency: settings.pullConcurrency,
        });
        const metadata = buildEventMetadata(pulled, {
            region: settings.region,
            origin: settings.vivenuOrigin,
            pulledAt: new Date(clock.now()),
        });
        const files = await writeEventFiles(settings.ticketsDir, pulled.tickets, metadata);
        note({ kind: 'pulled', pull: { metadata, eventDir: files.eventDir } });
        const kept = await keepRowsWithoutId(files.eventDir, pulled.withoutId);
        if (pulled.withoutId.length > 0) {
            logger.warning(`event ${eventId}: ${(0,format/* count */.U)(pulled.withoutId.length)} rows have no _id: a ticket without one cannot be recorded as sent, so it is never delivered. They are kept for review in ${(0,log_text/* logText */.kc)(kept)}.`);
        }
        const keptAside = await keepRowsTooDeep(files.eventDir, pulled.tooDeep);
        if (pulled.tooDeep.length > 0)
            warnTooDeep(run, eventId, pulled.tooDeep, keptAside);
        logger.info(`${(0,format/* count */.U)(pulled.tickets.length)} unique tickets (Vivenu reported ${(0,format/* count */.U)(pulled.totalReported)}) ` +
            `in ${(0,format/* count */.U)(pulled.apiCalls)} requests, ${(pulled.durationMs / 1000).toFixed(1)} s; files in ${files.eventDir}`);
        if (pulled.tickets.length === 0) {
            logger.warning(`event ${eventId}: Vivenu returned no tickets. Check the event id, and that the ${settings.region} key belongs to the event's seller.`);
        }
        return pulled;
    });
}
/** Rows named in the warning; the file holds them all. */
const TOO_DEEP_NAMED = 10;
/** Names the rows kept aside as too deep by `_id`, as people look a ticket up (issue 23, row 2). */
function warnTooDeep(run, eventId, rows, file) {
    const ids = rows
        .slice(0, TOO_DEEP_NAMED)
        .map((row) => (typeof row._id === 'string' ? (0,log_text/* logText */.kc)(row._id) : '(no _id)'));
    const more = rows.length > TOO_DEEP_NAMED ? ` and ${(0,format/* count */.U)(rows.length - TOO_DEEP_NAMED)} more` : '';
    run.services.logger.warning(`event ${eventId}: ${(0,format/* count */.U)(rows.length)} tickets are nested deeper than ${ticket_json/* MAX_TICKET_DEPTH */.En} levels (a Vivenu ticket nests 3), so they are never delivered; they are kept for review in ${(0,log_text/* logText */.kc)(file)}: ${ids.join(', ')}${more}.`);
}

;// CONCATENATED MODULE: ./src/pipeline/select-eligible.ts




/**
 * The select stage of one event: the tickets that count, oldest first. The run's `eligibleIn`
 * is read and then added to, so each ticket counts under one event only.
 */
function selectEligible({ settings, services, eligibleIn }, pulled, log) {
    const { logger } = services;
    const { eventId } = pulled;
    const selection = selectTickets(pulled.tickets, {
        ...settings,
        eventId,
        eligibleEarlier: (ticketId) => eligibleIn.get(ticketId),
    });
    for (const ticket of selection.eligible)
        eligibleIn.set(ticket._id, eventId);
    if (log === 'quiet')
        return selection;
    const earlier = Object.values(selection.eligibleEarlier).reduce((sum, n) => sum + n, 0);
    logger.info([
        `Filtering results for event ${eventId}:`,
        `  - Total tickets: ${(0,format/* count */.U)(selection.total + pulled.withoutId.length + pulled.tooDeep.length)}`,
        `  - Without _id (never delivered: cannot be recorded as sent): ${(0,format/* count */.U)(pulled.withoutId.length)}`,
        `  - Nested too deep (never delivered: kept in ${ROWS_TOO_DEEP_FILE}): ${(0,format/* count */.U)(pulled.tooDeep.length)}`,
        `  - Invalid (no eventId, ticketName or status): ${(0,format/* count */.U)(selection.invalid.length)}`,
        `  - Rejected (eventId not ${eventId}): ${(0,format/* count */.U)(selection.otherEvent)}`,
        `  - Rejected (status not ${settings.statuses.join('/')}): ${(0,format/* count */.U)(selection.rejectedStatus)}`,
        `  - Rejected (name without "${(0,log_text/* logText */.kc)(settings.nameContains)}"): ${(0,format/* count */.U)(selection.rejectedName)}`,
        `  - Counted under an earlier event of this run (delivered once, there): ${(0,format/* count */.U)(earlier)}`,
        ...(settings.soldBefore
            ? [
                `  - Sold at or after sold-before ${settings.soldBefore.iso} (the live webhook sent them): ${(0,format/* count */.U)(selection.soldAfterCutoff.length)}`,
            ]
            : []),
        `  - Eligible: ${(0,format/* count */.U)(selection.eligible.length)}`,
    ].join('\n'));
    if (selection.invalid.length > 0) {
        logger.warning(`event ${eventId}: ${(0,format/* count */.U)(selection.invalid.length)} tickets lack an eventId, ticketName or status and were skipped (first: ${(0,log_text/* logText */.kc)(selection.invalid[0]._id)})`);
    }
    if (selection.otherEvent > 0) {
        logger.warning(`event ${eventId}: ${(0,format/* count */.U)(selection.otherEvent)} tickets Vivenu listed for this event belong to another event (their eventId): not delivered.`);
    }
    for (const [event, n] of Object.entries(selection.eligibleEarlier)) {
        logger.warning(`event ${eventId}: ${(0,format/* count */.U)(n)} tickets were eligible in event ${(0,log_text/* logText */.kc)(event)} earlier in this run: each is delivered once, under that event.`);
    }
    return selection;
}

;// CONCATENATED MODULE: ./src/pipeline/run-pipeline.ts
/**
 * The run, the same for every entry point (action, command, demo): for each event, pull ->
 * files -> select -> deliver -> record, then report. Each mode (pull-only, test, sync) says
 * what delivering and recording mean for it (src/modes/).
 *
 * Failure policy, phase by phase (as actions/cache writes it per phase):
 *
 * | Phase                          | Fails the run                                        | Only warns                                       |
 * | ------------------------------ | ---------------------------------------------------- | ------------------------------------------------ |
 * | inputs (`parseSettings`)       | any malformed input, before any request              |                                                  |
 * | look up events                 | 404 (another region's event), a refused key          | 403, answers that kept failing: shown by id      |
 * | open progress (sync)           | a damaged file, a lock another run holds             | a dead run's lock, taken over                    |
 * | pull                           | Vivenu's refusals, answers that kept failing         | rows without `_id` (kept in their own file)      |
 * | files                          | a file that cannot be written                        |                                                  |
 * | select                         |                                                      | invalid rows, another event's tickets            |
 * | deliver                        | untrusted pull (pull-only: after every event is      | failed tickets (fail with fail-on-ticket-errors) |
 * |                                | pulled), receiver down, signature rejected,          |                                                  |
 * |                                | webhook-url unusable, cancel                         | the time budget (a follow-up may continue)       |
 * | deliver (test mode)            | the ticket not accepted, or no eligible ticket       |                                                  |
 * | record (commit)                | the first commit; one refused for good or not taken  | a commit GitHub cannot take for now: deliveries  |
 * |                                | for 30 min; deliveries left uncommitted at the end   | pause and it is tried again                      |
 * | ledger                         |                                                      | a ledger that cannot be written                  |
 * | follow-up run                  |                                                      | a dispatch that failed                           |
 * | report (outputs, summary)      |                                                      | a summary that cannot be written                 |
 */













const MODES = {
    'pull-only': pullOnly,
    test: testDelivery,
    sync: sync,
    redeliver: redeliver,
};
/**
 * Runs the pipeline. Its stages note what happens (run-events.ts) into `report`, as they go,
 * so a failure still reports what was done.
 */
async function runPipeline(settings, services, report = newRunReport(settings, services.clock.now())) {
    const note = (event) => noteInReport(report, event);
    const run = { settings, services, note, eligibleIn: new Map() };
    const mode = MODES[settings.mode](run);
    try {
        const events = await lookUpEvents(run); // which events: another region's stops the run here
        await mode.open(); // record: the progress file, locked, before any ticket is pulled
        /**
         * The last event taken: its ledger is written once it has ended, however it ended, when
         * the walk moves on, or else after the final commit (on cancel, progress comes first
         * within the runner's budget).
         */
        let ended;
        const writeLedger = async () => {
            const taken = ended;
            ended = undefined;
            if (taken)
                await keepLedger(run, taken, mode.ledgerProgress()); // record: the ledger
        };
        try {
            for (const eventId of settings.eventIds) {
                await writeLedger();
                if (!(await mode.wants(eventId)))
                    continue;
                const info = events.find((event) => event.eventId === eventId);
                const pulled = await pullToFiles(run, eventId, info); // pull -> files
                const selection = selectEligible(run, pulled, mode.selectionLog); // select
                ended = { pulled, selection };
                if ((await mode.take(pulled, selection)) === 'stop')
                    break; // deliver -> record
            }
        }
        finally {
            await mode.close(); // record: the final commit
            await writeLedger();
        }
        await mode.conclude(); // report: the step's result
    }
    catch (error) {
        const failure = explainCancel(error, run, report);
        note({ kind: 'failed', failure: runFailure(failure) });
        throw failure;
    }
    finally {
        note({ kind: 'finished', atMs: services.clock.now() });
    }
    return report;
}
/** A cancel that cut a request short surfaces as that request's abort: say what it means. */
function explainCancel(error, { settings, services }, report) {
    if (!services.signal.aborted || error instanceof errors/* RunStoppedError */.Fz)
        return error;
    const sent = syncTotals(report).sentNow;
    return new errors/* RunStoppedError */.Fz(`Cancelled before the run finished: ${(0,format/* count */.U)(sent)} delivered this run${sent > 0 ? ` (recorded in ${settings.progressFile})` : ''}. Run again with the same inputs to continue.`);
}
/** The failure, told apart by what a person does next (the verdict's table says it). */
function runFailure(error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof errors/* VivenuError */.S7) {
        const kind = error.status === 401
            ? 'key-refused'
            : error.status === 404
                ? 'event-not-found'
                : 'vivenu-failed';
        return { kind, message };
    }
    if (error instanceof errors/* ProgressFileError */.E2)
        return { kind: 'progress-file', message };
    return { kind: 'stopped', message };
}
function newRunReport(settings, startedAtMs) {
    return {
        region: settings.region,
        mode: settings.mode,
        dryRun: settings.dryRun,
        vivenuOrigin: settings.vivenuOrigin,
        ticketsDir: settings.ticketsDir,
        progressFile: settings.progressFile,
        webhookUrl: settings.receiver.address,
        receiver: settings.receiver.kind,
        ledgerName: (0,settings_settings/* ledgerFileName */.NA)(settings.receiver),
        stagingTickets: settings.stagingTickets,
        ...(settings.soldBefore ? { soldBefore: settings.soldBefore.iso } : {}),
        signed: settings.webhookSecret !== '',
        intervalSeconds: settings.intervalSeconds,
        startedAtMs,
        pulls: [],
        syncs: [],
        failures: [],
        plans: [],
        complete: false,
    };
}

;// CONCATENATED MODULE: ./src/ports.ts

const systemClock = {
    now: () => Date.now(),
    // CLOCK_MONOTONIC, which a step of the system time does not move (clock_gettime(2));
    // timers run on the same clock (libuv's uv_now), so a sleep and this reading agree.
    monotonic: () => performance.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (ms <= 0 || signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
    }),
};
/**
 * A logger that prints plain lines; groups become headings. Used by the CLI and demo. Lines are
 * command-safe: the CLI may run as a workflow step, whose output the runner reads for commands.
 */
function consoleLogger(print = (line) => console.log(line)) {
    const write = (line) => print(commandSafeText(line));
    return {
        info: (message) => write(message),
        warning: (message) => write(`warning: ${message}`),
        error: (message) => write(`error: ${message}`),
        group: async (title, fn) => {
            write(`== ${title}`);
            return fn();
        },
    };
}

;// CONCATENATED MODULE: ./src/report/summary-model.ts
/**
 * The run's summary as data, made once from the RunReport and rendered twice: as Markdown for
 * GitHub's job summary and as plain text for a terminal. What the summary says is decided here
 * and in the sections that fill it; how it looks and how outside values are escaped is each
 * renderer's business.
 */
/** Whether a block or column is shown in a rendering: every one is, unless it names another. */
function shownIn(rendering, part) {
    return part.only === undefined || part.only === rendering;
}
function isPerRendering(value) {
    return typeof value === 'object' && value !== null && 'markdown' in value && 'text' in value;
}
/** A one-line paragraph. */
function line(spans, only) {
    return { kind: 'paragraph', lines: [spans], ...(only ? { only } : {}) };
}
function callout(tone, spans, only) {
    return { kind: 'callout', tone, spans, ...(only ? { only } : {}) };
}
function tableBlock(table, only) {
    return { kind: 'table', table, ...(only ? { only } : {}) };
}
/** A column of words, ids, dates or answers: left-aligned, as text reads. */
function textColumn(header, only) {
    return { header, align: 'left', ...(only ? { only } : {}) };
}
/** A column of counts and amounts: right-aligned, so their digits line up. */
function numberColumn(header, only) {
    return { header, align: 'right', ...(only ? { only } : {}) };
}
/** Items joined by a separator, as one run of spans: "a, b and c" made of outside values. */
function joinSpans(items, separator) {
    return items.flatMap((item, i) => (i === 0 ? item : [separator, ...item]));
}

;// CONCATENATED MODULE: ./src/report/render-markdown.ts


function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Text made safe for a Markdown table cell: ticket names like "HYROX MEN | CHARITY HIA" contain pipes. */
function tableCell(text) {
    return escapeHtml(text)
        .replace(/\|/g, '\\|')
        .replace(/[\r\n]+/g, ' ');
}
/**
 * An outside value in running Markdown: HTML escaped, and the characters that would make it a
 * link, emphasis, code or heading shown as themselves.
 */
function markdownText(text) {
    return literalMarkdown(escapeHtml(text)).replace(/[\r\n]+/g, ' ');
}
/** Markdown's punctuation for links, emphasis, code and headings, each shown as itself. */
function literalMarkdown(text) {
    return text.replace(/[\\`*_[\]#~!]/g, (character) => `\\${character}`);
}
/** An outside value inside backticks: escaped, and no backtick to close the span early. */
function codeSpan(text) {
    return `\`${tableCell(text).replace(/`/g, "'")}\``;
}
function spansText(spans) {
    return spans.map(spanText).join('');
}
function spanText(span) {
    if (typeof span === 'string')
        return span;
    if ('value' in span)
        return escapeHtml(span.value);
    if ('literal' in span)
        return markdownText(span.literal);
    if ('code' in span)
        return codeSpan(span.code);
    if ('strong' in span)
        return `**${span.strong}**`;
    return `[${span.link}](${span.url})`;
}
function cellText(cell) {
    if (typeof cell === 'number')
        return (0,format/* count */.U)(cell);
    if (typeof cell === 'string')
        return tableCell(cell);
    if (isPerRendering(cell))
        return cellText(cell.markdown);
    if ('literal' in cell)
        return tableCell(literalMarkdown(cell.literal));
    if ('code' in cell)
        return codeSpan(cell.code);
    return `**${tableCell(cell.strong)}**`;
}
function table({ columns, rows, totals }) {
    const shown = columns.flatMap((column, i) => (shownIn('markdown', column) ? [i] : []));
    const line = (cells) => `| ${cells.join(' | ')} |`;
    const row = (cells) => line(shown.map((i) => cellText(cells[i] ?? '')));
    const header = shown.map((i) => {
        const text = columns[i].header;
        return tableCell(typeof text === 'string' ? text : text.markdown);
    });
    // Left said outright: a column without a colon is GitHub's default, which centres its header.
    const align = shown.map((i) => (columns[i].align === 'left' ? ':---' : '---:'));
    const lines = [line(header), line(align), ...rows.map(row)];
    if (totals && shownIn('markdown', totals))
        lines.push(row(totals.cells));
    return lines.join('\n');
}
/** A block's paragraphs, in order; a section's heading is `level` deep, its sections one deeper. */
function blockParts(block, level) {
    if (!shownIn('markdown', block))
        return [];
    switch (block.kind) {
        case 'section': {
            const heading = block.heading ? [`${'#'.repeat(level)} ${spansText(block.heading)}`] : [];
            return [...heading, ...block.blocks.flatMap((inner) => blockParts(inner, level + 1))];
        }
        case 'paragraph':
            return [block.lines.map(spansText).join('\n')];
        case 'table':
            return [table(block.table)];
        case 'callout':
            return [`> [!${block.tone}]\n> ${spansText(block.spans).replace(/\n/g, '\n> ')}`];
        case 'details': {
            const inner = block.blocks.flatMap((part) => blockParts(part, level));
            return [
                `<details><summary>${spansText(block.summary)}</summary>\n\n\n${inner.join('\n\n')}\n\n</details>`,
            ];
        }
    }
}
/** The summary as GitHub's job summary shows it: Markdown, with outside values escaped. */
function renderMarkdown(summary) {
    const parts = [
        `## ${spansText(summary.title)}`,
        ...summary.sections.flatMap((section) => blockParts(section, 3)),
    ];
    return `${parts.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/report/failure-section.ts




/** `_id`s in a group's fold; the progress file's `errors` and the ledger have every one. */
const IDS_SHOWN = 200;
/** A terminal names a few, to look up in the ledger. */
const IDS_SHOWN_IN_TERMINAL = 5;
/**
 * The failed deliveries, told once: this run's failures grouped by their reason in words, each
 * with the ticket types and events to act on and the `_id`s in a fold; then, per event, the
 * tickets that failed in an earlier run and were not tried in this one (from the ledger), by
 * reason in words. The how-far table counts every failed ticket across runs but tells no
 * reasons, and the receiver's raw answers stay in the progress file and the ledger: a summary
 * quotes no JSON.
 */
function failuresSection(report) {
    const groups = groupFailures(report.failures);
    const earlier = (report.standings ?? []).flatMap((s) => earlierFailuresBlock(report, s));
    if (groups.length === 0 && earlier.length === 0)
        return [];
    const events = new Set(report.failures.map((f) => f.eventId)).size;
    const blocks = [...groups.flatMap((group) => groupBlocks(report, group, events > 1)), ...earlier];
    return [{ kind: 'section', heading: ['Failed deliveries (retried on the next run)'], blocks }];
}
function groupBlocks(report, group, manyEvents) {
    const table = {
        columns: [
            textColumn({ markdown: 'Ticket type', text: 'Failed ticket type' }),
            textColumn('ticketTypeId'),
            // A terminal's table stays narrow: it names the event only when there is a choice.
            textColumn('Event', manyEvents ? undefined : 'markdown'),
            numberColumn('Tickets'),
        ],
        rows: group.ticketTypes.map((type) => [
            { literal: type.ticketName || '(none)' },
            type.ticketTypeId ? { code: type.ticketTypeId } : '(none)',
            eventCell(report, type.eventId),
            type.tickets,
        ]),
    };
    const more = group.ids.length - IDS_SHOWN;
    const ids = group.ids.slice(0, IDS_SHOWN).map((id) => [{ code: id }]);
    const inTerminal = group.ids.slice(0, IDS_SHOWN_IN_TERMINAL).map((id) => [{ value: id }]);
    const moreInTerminal = group.ids.length - inTerminal.length;
    return [
        line([{ strong: group.label }, `: ${counted(group.tickets, 'ticket')}. `, group.reason.advice]),
        tableBlock(table),
        {
            kind: 'details',
            summary: [`_id of the ${counted(group.tickets, 'ticket')}`],
            blocks: [
                line([
                    ...joinSpans(ids, ', '),
                    more > 0 ? ` and ${(0,format/* count */.U)(more)} more, in the progress file's \`errors\`.` : '',
                ]),
            ],
            only: 'markdown',
        },
        line([
            '_id: ',
            ...joinSpans(inTerminal, ', '),
            moreInTerminal > 0 ? ` and ${(0,format/* count */.U)(moreInTerminal)} more` : '',
        ], 'text'),
    ];
}
/**
 * The event's tickets whose last delivery failed in an earlier run and that this run did not
 * try (a dry run, a pull, or a run stopped first), by reason in words: the ledger's failed
 * tickets less this run's failures of the same reason.
 */
function earlierFailuresBlock(report, standing) {
    if (standing.failed === 0)
        return [];
    const byReason = new Map();
    for (const { reason: answer, tickets } of standing.failuresByReason) {
        const reason = ledgerFailureReason(answer);
        const entry = byReason.get(reason) ?? { statuses: [], tickets: 0 };
        entry.statuses.push(ledgerStatus(answer));
        entry.tickets += tickets;
        byReason.set(reason, entry);
    }
    for (const failure of report.failures) {
        if (failure.eventId !== standing.eventId)
            continue;
        const entry = byReason.get(failureReason(failure.status, failure.reason));
        if (entry)
            entry.tickets--;
    }
    const reasons = [...byReason]
        .filter(([, entry]) => entry.tickets > 0)
        .sort((a, b) => b[1].tickets - a[1].tickets);
    const tickets = reasons.reduce((sum, [, entry]) => sum + entry.tickets, 0);
    if (tickets === 0)
        return [];
    const told = reasons.map(([reason, entry]) => [
        `${reasonLabel(reason, entry.statuses)} (${(0,format/* count */.U)(entry.tickets)})`,
    ]);
    return [
        line([
            `${counted(tickets, 'ticket')} of `,
            eventCell(report, standing.eventId),
            tickets === 1
                ? ' failed in an earlier run and was not tried in this one: '
                : ' failed in an earlier run and were not tried in this one: ',
            ...joinSpans(told, '; '),
            `. Each ticket's last answer is in \`${report.ledgerName}\`.`,
        ]),
    ];
}

;// CONCATENATED MODULE: ./src/report/dry-run-section.ts



/**
 * What a real run would deliver for one event: its ticket types with the ids the receiver must
 * have registered, in one table, and the first deliveries in a fold (they check the order; a
 * page of them would hide everything under it).
 */
function planBlocks(report, plan) {
    return [
        line([
            eventCell(report, plan.eventId),
            `: ${counted(plan.toSend, 'delivery', 'deliveries')}, oldest first. `,
            ...createdRange(plan.firstCreatedAt, plan.lastCreatedAt),
        ]),
        tableBlock({
            columns: [
                textColumn({ markdown: 'Ticket type', text: 'Would deliver: ticket type' }),
                textColumn('ticketTypeId'),
                numberColumn('Tickets'),
            ],
            rows: plan.ticketTypes.map((type) => [
                { literal: type.ticketName || '(none)' },
                type.ticketTypeId ? { code: type.ticketTypeId } : '(none)',
                type.count,
            ]),
        }),
        {
            kind: 'details',
            summary: [
                plan.firstDeliveries.length === 1
                    ? 'The first delivery'
                    : `The first ${(0,format/* count */.U)(plan.firstDeliveries.length)} deliveries, in order`,
            ],
            blocks: [
                tableBlock({
                    columns: [
                        numberColumn('#'),
                        textColumn('Created'),
                        textColumn('_id'),
                        textColumn('Ticket type'),
                    ],
                    rows: plan.firstDeliveries.map((d, i) => [
                        i + 1,
                        humanDate(d.createdAt || null),
                        { code: d.id },
                        { literal: d.ticketName || '(none)' },
                    ]),
                }),
            ],
            // The log lists them for a terminal, just above its summary.
            only: 'markdown',
        },
    ];
}
function dryRunPlanSection(report) {
    if (report.plans.length === 0)
        return [];
    const blocks = report.plans.flatMap((plan) => planBlocks(report, plan));
    return [{ kind: 'section', heading: ['Dry-run plan'], blocks }];
}

;// CONCATENATED MODULE: ./src/report/delivery-sections.ts







// The sections' earlier home: run-summary.ts still imports them from here.



function countsTable(label, counts) {
    return {
        columns: [textColumn(label), numberColumn('Tickets')],
        rows: sortedCounts(counts).map(([name, n]) => [name, n]),
    };
}
function pulledSection(report) {
    if (report.pulls.length === 0)
        return [];
    const table = {
        columns: [
            textColumn({ markdown: 'Event', text: 'Pulled event' }),
            numberColumn('Reported'),
            numberColumn('Pulled'),
            textColumn('Complete'),
            textColumn('Files', 'text'),
        ],
        rows: report.pulls.map(({ metadata: m, eventDir }) => [
            eventCell(report, m.event_id),
            m.total_reported,
            m.total_pulled,
            m.complete ? 'yes' : { markdown: { strong: 'no' }, text: 'NO' },
            eventDir,
        ]),
        // One event's row is its own total.
        ...(report.pulls.length > 1
            ? {
                totals: {
                    cells: [
                        { strong: 'Total' },
                        report.pulls.reduce((sum, pull) => sum + pull.metadata.total_reported, 0),
                        ticketsFound(report),
                        '',
                        '',
                    ],
                    only: 'markdown',
                },
            }
            : {}),
    };
    const byStatusAndType = report.pulls.map(({ metadata: m }) => {
        const tickets = `${counted(m.total_pulled, 'ticket')} by status and ticket type`;
        return {
            kind: 'details',
            summary: report.pulls.length > 1
                ? [{ value: eventCell(report, m.event_id).literal }, `: ${tickets}`]
                : [tickets[0].toUpperCase() + tickets.slice(1)],
            blocks: [
                tableBlock(countsTable('Status', m.by_status)),
                tableBlock(countsTable('Ticket type', m.by_ticket_name)),
                line(createdRange(m.first_created_at, m.last_created_at)),
            ],
            only: 'markdown',
        };
    });
    const afterCutoff = soldAfterCutoffText(report, report.syncs.reduce((sum, s) => sum + s.soldAfterCutoff, 0));
    return [
        {
            kind: 'section',
            heading: ['Pulled'],
            blocks: [
                tableBlock(table),
                ...(afterCutoff === undefined ? [] : [line([afterCutoff])]),
                ...byStatusAndType,
            ],
        },
    ];
}
/**
 * This run's events in figures. A dry run sends nothing, so it shows what a real run would
 * deliver instead of sent and failed.
 */
function deliveredTable(report, syncs) {
    const { dryRun } = report;
    const figures = (s) => [
        s.found,
        s.eligible,
        s.deliveredBefore,
        ...(dryRun ? [] : [s.sentNow, s.failed]),
        s.remaining,
    ];
    return {
        columns: [
            textColumn({
                markdown: 'Event',
                text: dryRun ? 'Would deliver (dry run)' : 'Delivered event',
            }),
            numberColumn('Found'),
            numberColumn('Eligible'),
            numberColumn({ markdown: 'Delivered before', text: 'Before' }),
            ...(dryRun ? [] : [numberColumn('Sent now'), numberColumn('Failed')]),
            numberColumn(dryRun ? 'To deliver' : 'Remaining'),
        ],
        rows: syncs.map((s) => [eventCell(report, s.eventId), ...figures(s)]),
        // One event's row is its own total.
        ...(syncs.length > 1
            ? { totals: { cells: [{ strong: 'Total' }, ...figures(syncTotals({ syncs }))] } }
            : {}),
    };
}
/**
 * Events already complete for this selection are not pulled again: a row of dashes and zeros beside
 * them would read as "nothing eligible". What is true is that they were complete before.
 */
function alreadyCompleteLine(report, passedOver) {
    const events = passedOver.map((s) => [
        eventCell(report, s.eventId),
        s.deliveredBefore > 0
            ? ` (${counted(s.deliveredBefore, 'ticket')} delivered earlier)`
            : ' (by the earlier tool, which did not record its tickets)',
    ]);
    return line([
        passedOver.length === 1 ? 'Complete in an earlier run: ' : 'Complete in earlier runs: ',
        ...joinSpans(events, '; '),
        '. Not pulled again; `resync` sends the tickets sold since.',
    ]);
}
function deliveredSection(report) {
    if (report.syncs.length === 0)
        return [];
    const worked = report.syncs.filter((s) => !s.passedOverAsComplete);
    const passedOver = report.syncs.filter((s) => s.passedOverAsComplete);
    const blocks = [];
    if (worked.length > 0)
        blocks.push(tableBlock(deliveredTable(report, worked)));
    if (passedOver.length > 0)
        blocks.push(alreadyCompleteLine(report, passedOver));
    if (worked.length > 0)
        blocks.push(timeLine(report));
    for (const s of worked)
        blocks.push(...eventNotes(s));
    const heading = report.dryRun
        ? 'Would deliver (dry run: nothing sent, nothing recorded)'
        : 'Delivered';
    return [{ kind: 'section', heading: [heading], blocks }];
}
function timeLine(report) {
    const spent = (report.finishedAtMs ?? report.startedAtMs) - report.startedAtMs;
    const remaining = syncTotals(report).remaining;
    const left = remaining > 0
        ? ` Remaining at one delivery every ${report.intervalSeconds} s: ${duration(remaining * report.intervalSeconds * 1000)}.`
        : '';
    return line([`Time spent: ${duration(spent)}.${left}`], 'markdown');
}
/** A limit exceeded or waited for, and the tickets left out for a reason other than status or name. */
function eventNotes(s) {
    const notes = [];
    if (s.limitExceeded)
        notes.push(line([`Event ${s.eventId}: ${limitExceededText(s.limitExceeded)}.`]));
    const notEligible = notEligibleReasons(s);
    if (notEligible.length > 0) {
        const reasons = joinSpans(notEligible, '; ');
        notes.push(line([`Event ${s.eventId}, not delivered: `, ...reasons, '.'], 'markdown'));
    }
    if (s.waitingForLimit > 0) {
        const team = s.teamWaiting ? ` (the next is a team of ${s.teamWaiting.size}, kept whole)` : '';
        const wait = s.waitingForLimit === 1 ? 'waits' : 'wait';
        const waiting = `Event ${s.eventId}: ${counted(s.waitingForLimit, 'ticket')} ${wait} for the next run because of \`limit\`${team}.`;
        notes.push(line([waiting], 'markdown'));
    }
    return notes;
}
/**
 * The event's tickets left out for a reason other than status or name, counted: each is a sign
 * that Vivenu answered something other than the event's tickets, or a ticket cannot be sent.
 */
function notEligibleReasons(s) {
    const reasons = [];
    if (s.otherEvent > 0) {
        reasons.push([`${(0,format/* count */.U)(s.otherEvent)} of another event (their \`eventId\` is not this event)`]);
    }
    for (const [event, n] of sortedCounts(s.eligibleEarlier)) {
        reasons.push([
            `${(0,format/* count */.U)(n)} already eligible in event `,
            { value: event },
            ' earlier in this run (delivered once, there)',
        ]);
    }
    if (s.withoutId > 0) {
        reasons.push([
            `${(0,format/* count */.U)(s.withoutId)} without \`_id\` (they cannot be recorded as sent, so they are never delivered; kept in \`without_id.json\` for review)`,
        ]);
    }
    if (s.invalid > 0) {
        reasons.push([`${(0,format/* count */.U)(s.invalid)} without an \`eventId\`, \`ticketName\` or \`status\``]);
    }
    return reasons;
}
/** The test delivery's outcome in words: the receiver's own answer is in the log. */
function testAnswer(test, dryRun) {
    if (dryRun)
        return 'not sent (dry run)';
    if (test.delivered)
        return `Delivered (HTTP ${test.status ?? '-'})`;
    return reasonLabel(failureReason(test.status, test.answer), [test.status]);
}
function testDeliveryBlocks(test, dryRun) {
    const receiver = (0,log_text/* urlForDisplay */.Bo)(test.url);
    const answer = testAnswer(test, dryRun);
    const table = {
        columns: [
            textColumn('Ticket'),
            textColumn('Ticket type'),
            textColumn('Receiver'),
            textColumn('Outcome'),
        ],
        rows: [[{ code: test.ticketId }, { literal: test.ticketName }, receiver, answer]],
    };
    const sentence = [
        'Test delivery of ',
        { value: test.ticketId },
        ' (',
        { value: test.ticketName },
        `) to ${receiver}: ${answer}`,
    ];
    return [tableBlock(table, 'markdown'), line(sentence, 'text')];
}
/** Redeliver mode: each ticket sent again, with the receiver's answer. */
function redeliverySection(report) {
    const { redelivery } = report;
    if (!redelivery || redelivery.tickets.length === 0)
        return [];
    const table = tableBlock({
        columns: [
            textColumn('_id'),
            textColumn('Ticket type'),
            textColumn('ticketTypeId'),
            textColumn('Outcome'),
            textColumn('Answer'),
        ],
        rows: redelivery.tickets.map((t) => [
            { code: t.id },
            { literal: t.ticketName || '(none)' },
            t.ticketTypeId ? { code: t.ticketTypeId } : '(none)',
            t.outcome,
            t.status === null
                ? t.reason
                    ? reasonLabel(failureReason(null, t.reason), [null])
                    : '-'
                : t.outcome === 'failed'
                    ? reasonLabel(failureReason(t.status, t.reason ?? ''), [t.status])
                    : String(t.status),
        ]),
    });
    const note = line([
        `Event `,
        eventCell(report, redelivery.eventId),
        ': each under its original delivery id (the ticket’s own), recorded apart in the progress file and the ledger; what counts as delivered is unchanged.',
    ]);
    return [{ kind: 'section', heading: ['Redelivered'], blocks: [note, table] }];
}
function testDeliverySection(report) {
    if (!report.testDelivery)
        return [];
    const blocks = testDeliveryBlocks(report.testDelivery, report.dryRun);
    return [{ kind: 'section', heading: ['Test delivery'], blocks }];
}

;// CONCATENATED MODULE: ./src/report/standing-sections.ts




/** Changed tickets listed in a terminal per event; the ledger has them all. */
const CHANGED_LINES_SHOWN_IN_TERMINAL = 50;
/** Cells of each event's bar in the how-far table. */
const PROGRESS_BAR_CELLS = 20;
/**
 * How far each event is across all runs so far (the progress file and this pull), not this
 * run alone: delivered of eligible, how many failed, and the time the rest takes at the
 * interval, in runs of the time budget. Why they failed is told once, under the failed
 * deliveries (failure-section.ts).
 */
function standingSection(report) {
    const standings = report.standings ?? [];
    if (standings.length === 0)
        return [];
    const blocks = [
        tableBlock({
            columns: [
                textColumn({ markdown: 'Event', text: 'How far (all runs)' }),
                numberColumn('Delivered'),
                numberColumn('Eligible'),
                numberColumn('Done'),
                textColumn('Progress'),
                numberColumn('Failed'),
                numberColumn('Never tried', 'markdown'),
                numberColumn('Time left'),
                numberColumn('Runs left'),
            ],
            rows: standings.map((s) => [
                eventCell(report, s.eventId),
                s.delivered,
                s.eligible,
                percentDelivered(s),
                { code: `[${progressBar(s, PROGRESS_BAR_CELLS)}]` },
                s.failed,
                s.pending,
                // Nothing left takes no time: a dash, not "0 s" and "0 runs".
                s.delivered < s.eligible ? duration(s.timeLeftMs) : '-',
                s.delivered < s.eligible ? runsText(s.followUpRuns) : '-',
            ]),
        }),
    ];
    const pace = standings[0];
    blocks.push(line([
        `Time left is at one delivery every ${pace.intervalSeconds} s; runs left are runs of \`max-runtime-minutes\` (${(0,format/* count */.U)(pace.runBudgetMinutes)} min), the pull included, so at least that many. Every ticket's state is in \`${report.ledgerName}\` in the event's folder of the tickets artifact.`,
    ], 'markdown'));
    for (const s of standings) {
        blocks.push(...eventStandingNotes(s));
        // The job summary gives the changed tickets a section of their own.
        if (s.changed > 0)
            blocks.push(changedTicketLines(s));
    }
    const afterCutoff = soldAfterCutoffText(report, standings.reduce((sum, s) => sum + s.soldAfterCutoff, 0));
    if (afterCutoff !== undefined)
        blocks.push(line([afterCutoff]));
    const ledgers = standings.flatMap((s) => (s.ledgerFile ? [[{ value: s.ledgerFile }]] : []));
    if (ledgers.length > 0)
        blocks.push(line(['Delivery ledger: ', ...joinSpans(ledgers, ', ')], 'text'));
    const heading = `How far each event is at ${receiverInWords(report)} (all runs so far)`;
    return [{ kind: 'section', heading: [heading], blocks }];
}
/** The job summary's notes on one event: a ledger not written, an incomplete pull. */
function eventStandingNotes(s) {
    const event = ['Event ', { value: s.eventId }];
    const notes = [];
    if (!s.ledgerFile) {
        notes.push(line([
            ...event,
            ': its ledger could not be written (the log says why); the progress file holds every delivery.',
        ], 'markdown'));
    }
    if (!s.pullComplete) {
        notes.push(line([
            ...event,
            ': the pull was incomplete, so a delivered ticket it did not list is not called changed.',
        ], 'markdown'));
    }
    return notes;
}
function changedTicketLines(s) {
    const tickets = s.changedShown
        .slice(0, CHANGED_LINES_SHOWN_IN_TERMINAL)
        .map((t) => [
        '  ',
        { value: t.id },
        '  ',
        { value: t.ticketName || '-' },
        '  ',
        { value: t.status || '-' },
        '  ',
        { value: t.change },
    ]);
    const more = s.changed - tickets.length;
    return {
        kind: 'paragraph',
        lines: [
            [
                `Event ${s.eventId}: ${(0,format/* count */.U)(s.changed)} delivered earlier, not eligible now (not re-sent; correct the totals by these):`,
            ],
            ...tickets,
            ...(more > 0 ? [[`  and ${(0,format/* count */.U)(more)} more`]] : []),
        ],
        only: 'text',
    };
}
/**
 * Tickets delivered in an earlier run that are not eligible now (refunded, `INVALID`, renamed,
 * gone): a report for the charity's totals. Nothing is re-sent or sent to undo them.
 */
function changedSection(report) {
    const changed = (report.standings ?? []).filter((s) => s.changed > 0);
    if (changed.length === 0)
        return [];
    const blocks = changed.flatMap((s) => {
        const more = s.changed - s.changedShown.length;
        return [
            line([
                'Event ',
                { value: s.eventId },
                ': ',
                { strong: (0,format/* count */.U)(s.changed) },
                (s.changed === 1
                    ? ' ticket was delivered in an earlier run and is not eligible now. '
                    : ' tickets were delivered in an earlier run and are not eligible now. ') +
                    'Nothing was sent again and nothing was sent to undo them (the receiver has no such endpoint).',
            ]),
            tableBlock({
                columns: [
                    textColumn('_id'),
                    textColumn('Ticket type'),
                    textColumn('ticketTypeId'),
                    textColumn('Status now'),
                    textColumn('What changed'),
                ],
                rows: s.changedShown.map((t) => [
                    t.id,
                    t.ticketName || '-',
                    t.ticketTypeId || '-',
                    t.status || '-',
                    t.change,
                ]),
            }),
            ...(more > 0
                ? [line([`and ${(0,format/* count */.U)(more)} more: every one is in \`${report.ledgerName}\`.`])]
                : []),
        ];
    });
    // A terminal lists the changed tickets under each event's standing instead.
    return [
        {
            kind: 'section',
            heading: ['Changed since delivery (not re-sent; correct the totals by these)'],
            blocks,
            only: 'markdown',
        },
    ];
}

;// CONCATENATED MODULE: ./src/report/verdict.ts



/** "run the workflow again with the same inputs" where it was clicked, the command in a terminal. */
const again = (f) => f.rendering === 'markdown'
    ? 'run the workflow again with the same inputs'
    : 'run the same command again';
const ofEligible = (f) => `${(0,format/* count */.U)(f.delivered)} of ${counted(f.eligible, 'charity ticket')} delivered`;
/** The failure's first line, as a sentence. */
const firstLine = (f) => {
    const first = (f.report.failure?.message ?? 'the run ended early').split('\n')[0].trim();
    return /[.!?:]$/.test(first) ? first : `${first}.`;
};
const timeLeft = (f) => duration(f.left * f.report.intervalSeconds * 1000);
/** Redelivery's tickets with this outcome. */
const redelivered = (f, outcome) => f.report.redelivery?.tickets.filter((t) => t.outcome === outcome).length ?? 0;
/** The one table of outcomes: each with its icon, its line and its next step. */
const VERDICTS = {
    done: {
        icon: '✅',
        says: (f) => `Done: ${ofEligible(f)} to ${f.receiver} (${(0,format/* count */.U)(f.sentNow)} this run).`,
        next: () => 'nothing; tickets sold from now on reach the receiver through the live webhook.',
    },
    'already-complete': {
        icon: '✅',
        says: (f) => `Already complete: all ${counted(f.delivered, 'charity ticket')} were delivered by earlier runs; nothing was sent.`,
        next: () => 'nothing. To send tickets sold since an event was completed, run again with "resync" on.',
    },
    'budget-left': {
        icon: '⏸️',
        says: (f) => `${ofEligible(f)} ${bar(f)} · ${(0,format/* count */.U)(f.left)} left (~${timeLeft(f)}): the time budget ended this run.`,
        next: (f) => f.report.followUp?.dispatched
            ? 'nothing: a follow-up run is queued behind this one and continues where it stopped.'
            : `${again(f)}${f.rendering === 'markdown' ? ' (or turn on auto-continue)' : ''}.`,
    },
    'limit-reached': {
        icon: '⏸️',
        says: (f) => `${ofEligible(f)} ${bar(f)} · ${(0,format/* count */.U)(f.left)} left: this run's limit is reached.`,
        next: (f) => `${again(f)} to send the next ones.`,
    },
    failures: {
        icon: '⚠️',
        says: (f) => `${ofEligible(f)} to ${f.receiver}; ${counted(f.failedNow, 'ticket')} failed this run.`,
        next: (f) => `fix what Failures below names, then ${again(f)}: failed tickets are tried again.`,
    },
    'not-complete': {
        icon: '⚠️',
        says: (f) => `${ofEligible(f)} to ${f.receiver}; the event is not complete yet.`,
        next: (f) => `${again(f)}; an event Vivenu listed no tickets for is looked at again.`,
    },
    'no-tickets': {
        icon: '⚠️',
        says: () => 'Vivenu listed no tickets for the event: nothing was pulled or sent.',
        next: (f) => `check the event id, and that the ${f.report.region}_API key belongs to the event's seller.`,
    },
    'dry-run': {
        icon: '🔍',
        says: (f) => {
            const planned = f.report.plans.reduce((sum, plan) => sum + plan.toSend, 0);
            const plan = planned === 0
                ? `Dry run: nothing to deliver (${(0,format/* count */.U)(f.delivered)} of ${counted(f.eligible, 'charity ticket')} already delivered).`
                : `Dry run: ${counted(planned, 'charity ticket')} would go to ${f.receiver}, about ${duration(planned * f.report.intervalSeconds * 1000)} at one every ${f.report.intervalSeconds} s. Nothing was sent.`;
            return `${plan} ${cutoffInWords(f.report)}`;
        },
        next: (f) => f.rendering === 'markdown'
            ? 'untick "Dry run" and run the workflow again to deliver them.'
            : 'run the same command without --dry-run to deliver them.',
    },
    'test-delivered': {
        icon: '✅',
        says: (f) => `Test delivery accepted: ${f.receiver} answered ${f.report.testDelivery?.status ?? ''} to one charity ticket.`,
        next: (f) => f.rendering === 'markdown'
            ? 'run mode "sync" with "Dry run" ticked to see what a sync would send.'
            : 'run with --dry-run (no --test) to see what a sync would send.',
    },
    'test-dry-run': {
        icon: '🔍',
        says: (f) => `Dry run: one charity ticket would go to ${f.receiver}. Nothing was sent.`,
        next: (f) => f.rendering === 'markdown'
            ? 'untick "Dry run" to send it.'
            : 'run the same command without --dry-run to send it.',
    },
    'pull-only': {
        icon: '✅',
        says: (f) => {
            const pulled = ticketsFound(f.report);
            return `Pulled ${counted(pulled, 'ticket')} into the ticket files; nothing was sent.`;
        },
        next: (f) => f.report.artifactName
            ? `download the artifact ${f.report.artifactName} to review them.`
            : 'review the files in the tickets folder.',
    },
    cancelled: {
        icon: '⏹️',
        says: (f) => `Cancelled: ${ofEligible(f)}, ${(0,format/* count */.U)(f.left)} left; progress is saved.`,
        next: (f) => `${again(f)} to continue where this run stopped.`,
    },
    'key-refused': {
        icon: '❌',
        says: (f) => `Stopped: Vivenu refused the ${f.report.region} key (401). Nothing was pulled or sent.`,
        next: (f) => `check the ${f.report.region}_API secret, and that it belongs to the ${f.report.region} account.`,
    },
    'event-not-found': {
        icon: '❌',
        says: (f) => `Stopped: the ${f.report.region} account has no such event (404). Nothing was pulled or sent.`,
        next: () => "pick the event's region, or check the event id.",
    },
    'vivenu-failed': {
        icon: '❌',
        says: () => 'Stopped: Vivenu could not be read. The files hold what was pulled.',
        next: (f) => `${again(f)} later; if it persists, check vivenu-url (see the error below).`,
    },
    'progress-file': {
        icon: '❌',
        says: () => 'Stopped before sending: the progress file could not be used.',
        next: () => 'read the error below: it names the file and what to do.',
    },
    'receiver-down': {
        icon: '❌',
        says: (f) => `Stopped: the receiver looks down. ${ofEligible(f)}, ${(0,format/* count */.U)(f.left)} left.`,
        next: (f) => `${again(f)} later; nothing is sent twice.`,
    },
    'signature-rejected': {
        icon: '❌',
        says: (f) => `Stopped: ${f.receiver} rejected our signature. ${ofEligible(f)}.`,
        next: () => 'check the VIVENU_SECRET secret (webhook-secret) matches the receiver.',
    },
    'webhook-url-unusable': {
        icon: '❌',
        says: (f) => `Stopped: ${f.receiver} cannot be reached as configured. ${ofEligible(f)}.`,
        next: () => 'check the target (or webhook-url); see the error below.',
    },
    'untrusted-pull': {
        icon: '❌',
        says: () => "Stopped: Vivenu's ticket list could not be trusted, so nothing was sent from it.",
        next: (f) => `${again(f)}; the error below says what was wrong.`,
    },
    'progress-not-committed': {
        icon: '❌',
        says: (f) => `Stopped: progress could not be committed. ${ofEligible(f)}.`,
        next: () => 'read the error below; commit the progress file from the artifact before the next run if it says so.',
    },
    'test-not-accepted': {
        icon: '❌',
        says: (f) => `Test delivery not accepted: ${f.receiver} answered ${f.report.testDelivery?.status ?? 'nothing'}.`,
        next: () => 'read the answer below; an unregistered ticket type is expected for test data.',
    },
    redelivered: {
        icon: '✅',
        says: (f) => `Redelivered ${counted(redelivered(f, 'redelivered'), 'ticket')} to ${f.receiver}, each under its original delivery id; what counts as delivered is unchanged.`,
        next: () => 'nothing.',
    },
    'redelivery-failed': {
        icon: '⚠️',
        says: (f) => {
            const notTried = redelivered(f, 'not tried');
            return `Redelivered ${(0,format/* count */.U)(redelivered(f, 'redelivered'))} of ${counted(f.report.redelivery?.tickets.length ?? 0, 'ticket')} to ${f.receiver}; ${(0,format/* count */.U)(redelivered(f, 'failed'))} failed${notTried > 0 ? `, ${(0,format/* count */.U)(notTried)} not tried` : ''}.`;
        },
        next: () => 'read the answers under Redelivered, then redeliver those ids again once the receiver takes them.',
    },
    'redelivery-dry-run': {
        icon: '🔍',
        says: (f) => `Dry run: ${counted(f.report.redelivery?.tickets.length ?? 0, 'ticket')} would be redelivered to ${f.receiver}, each under its original delivery id. Nothing was sent.`,
        next: (f) => f.rendering === 'markdown'
            ? 'untick "Dry run" and run the workflow again to redeliver them.'
            : 'run the same command without --dry-run to redeliver them.',
    },
    'redelivery-nothing': {
        icon: '✅',
        says: () => 'Nothing to redeliver: no ticket of the event failed its last delivery.',
        next: () => 'nothing.',
    },
    stopped: {
        icon: '❌',
        says: (f) => `Stopped: ${firstLine(f)}`,
        next: () => 'read the error below.',
    },
};
/** How the run ended, by the report alone. */
function outcomeOf(report) {
    const { failure, stop, mode } = report;
    // Each failure kind is named as its outcome (run-report.ts, RunFailure).
    if (failure && failure.kind !== 'stopped')
        return failure.kind;
    if (stop?.reason === 'time-budget')
        return 'budget-left';
    if (stop)
        return stop.reason;
    if (mode === 'test') {
        if (report.testDelivery?.delivered)
            return 'test-delivered';
        if (report.testDelivery && report.dryRun)
            return 'test-dry-run';
        return report.testDelivery ? 'test-not-accepted' : 'stopped';
    }
    if (mode === 'redeliver')
        return redeliveryOutcome(report);
    if (failure)
        return syncTotals(report).failed > 0 ? 'failures' : 'stopped';
    if (report.pulls.length > 0 && ticketsFound(report) === 0)
        return 'no-tickets';
    if (mode === 'pull-only')
        return 'pull-only';
    if (report.dryRun)
        return 'dry-run';
    const totals = syncTotals(report);
    if (totals.failed > 0)
        return 'failures';
    if (report.syncs.some((sync) => sync.waitingForLimit > 0))
        return 'limit-reached';
    if (!report.complete)
        return 'not-complete';
    return totals.sentNow === 0 ? 'already-complete' : 'done';
}
function redeliveryOutcome({ redelivery, dryRun }) {
    if (!redelivery)
        return 'stopped';
    if (dryRun)
        return 'redelivery-dry-run';
    if (redelivery.tickets.length === 0)
        return 'redelivery-nothing';
    const all = redelivery.tickets.every((t) => t.outcome === 'redelivered');
    return all ? 'redelivered' : 'redelivery-failed';
}
/** The outcome's verdict for one rendering. */
function verdictOf(report, rendering) {
    const facts = verdictFacts(report, rendering);
    const line = VERDICTS[outcomeOf(report)];
    const staging = stagingToProduction(report);
    const says = staging ? `${staging}. ${line.says(facts)}` : line.says(facts);
    return { icon: line.icon, says, next: line.next(facts) };
}
function verdictFacts(report, rendering) {
    const totals = syncTotals(report);
    const { eligible, delivered } = deliveredOfEligible(report);
    return {
        report,
        eligible,
        delivered,
        left: Math.max(0, eligible - delivered),
        sentNow: totals.sentNow,
        failedNow: totals.failed,
        receiver: receiverInWords(report),
        rendering,
    };
}
/** What the dry run's verdict says of `sold-before`: whether the tickets the live webhook sent are left out. */
function cutoffInWords(report) {
    return report.soldBefore === undefined
        ? 'No sold-before cutoff is set: tickets sold after the live webhook went on would go too.'
        : `Only tickets sold before ${humanDate(report.soldBefore)} (sold-before) count.`;
}
const BAR_CELLS = 10;
/** `██░░░░░░░░ 20%`: full only when every eligible ticket is delivered; the percent rounded down. */
function bar(facts) {
    const share = facts.eligible === 0 ? 1 : facts.delivered / facts.eligible;
    return `${progressBar(facts, BAR_CELLS)} ${Math.floor(share * 100)}%`;
}

;// CONCATENATED MODULE: ./src/report/run-summary.ts








/**
 * The run's summary: pulls, deliveries, failures, how far each event is, and what to do next.
 * Only counts, ids, statuses and ticket types: personal data stays in the files.
 */
function runSummary(given, failure) {
    // A failure the entry point caught outside the pipeline still gets its verdict.
    const report = failure && !given.failure
        ? { ...given, failure: { kind: 'stopped', message: failure } }
        : given;
    const names = eventsInTitle(report);
    return {
        title: titleOf(report, names),
        sections: [
            { kind: 'section', blocks: openingBlocks(report, names, failure) },
            ...pulledSection(report),
            ...deliveredSection(report),
            ...failuresSection(report),
            ...standingSection(report),
            ...changedSection(report),
            ...dryRunPlanSection(report),
            ...testDeliverySection(report),
            ...redeliverySection(report),
            { kind: 'section', blocks: closingBlocks(report) },
        ],
    };
}
const RECEIVER_IN_TITLE = {
    test: 'test receiver',
    production: 'PRODUCTION receiver',
    custom: 'custom receiver',
};
/** Which events, region, mode and receiver: `HYROX Berlin (…) · DEV · sync → test receiver`. */
function titleOf(report, names) {
    const receiver = report.mode === 'pull-only' ? '' : ` → ${RECEIVER_IN_TITLE[report.receiver]}`;
    const mode = `${report.mode}${report.dryRun ? ' (dry run)' : ''}`;
    const staging = stagingToProduction(report) ? ' (staging tickets)' : '';
    return [
        'Vivenu historical sync · ',
        ...(names ? [{ literal: names }, ' · '] : []),
        `${report.region}${staging} · ${mode}${receiver}`,
    ];
}
/** The verdict first, with its next step; then what needs the reader before any figure. */
function openingBlocks(report, names, failure) {
    const blocks = [];
    for (const rendering of ['markdown', 'text']) {
        const { icon, says, next } = verdictOf(report, rendering);
        blocks.push(line([`${icon} `, { value: says }, ' ', { strong: 'Next:' }, ` ${next}`], rendering));
    }
    // A terminal has no title: it names the events on a line of their own.
    if (names) {
        const events = (report.events?.length ?? 0) > 1 ? 'Events' : 'Event';
        blocks.push(line([`${events}: `, { literal: names }], 'text'));
    }
    // A terminal hears of the failure and of how to continue from the command itself.
    const message = report.failure?.message ?? failure;
    if (message)
        blocks.push(callout('CAUTION', [{ value: message }], 'markdown'));
    if (!report.signed && report.mode !== 'pull-only' && !report.dryRun) {
        const unsigned = unsignedWarning('after');
        blocks.push(callout('WARNING', [unsigned], 'markdown'));
    }
    return blocks;
}
/** Where the run's things are, folded away: origins, paths, commits, the artifact, what follows. */
function closingBlocks(report) {
    const blocks = [];
    if (report.followUp) {
        const { dispatched, url, note } = report.followUp;
        const followUp = url
            ? { link: 'the follow-up run', url }
            : "a follow-up run (see the workflow's runs)";
        blocks.push(line(dispatched
            ? ['Continued in ', followUp, ': ', { value: note }, '.']
            : ['Not continued: ', { value: note }, '.'], 'markdown'));
    }
    blocks.push({
        kind: 'details',
        summary: ['Run details'],
        blocks: runDetails(report),
        only: 'markdown',
    });
    if (report.mode === 'sync' && !report.dryRun)
        blocks.push(line([`Progress: ${report.progressFile}`], 'text'));
    return blocks;
}
function runDetails(report) {
    const lines = [];
    if (report.artifactName)
        lines.push(['Ticket files (artifact): ', { code: report.artifactName }]);
    lines.push(['Vivenu: ', { code: report.vivenuOrigin }]);
    lines.push(['Tickets folder: ', { code: report.ticketsDir }]);
    if (report.mode !== 'pull-only')
        lines.push(['Receiver: ', { code: (0,log_text/* urlForDisplay */.Bo)(report.webhookUrl) }]);
    if (report.mode === 'sync')
        lines.push(['Progress file: ', { code: report.progressFile }]);
    if (report.publishing) {
        const { where, commits, behind } = report.publishing;
        const made = `${(0,format/* count */.U)(commits)} ${commits === 1 ? 'commit' : 'commits'} this run`;
        lines.push(behind
            ? [
                'Progress ',
                { strong: 'not' },
                ' fully committed to ',
                { code: where },
                ' (',
                { value: behind },
                `): ${made}`,
            ]
            : ['Progress committed to ', { code: where }, `: ${made}`]);
    }
    // One paragraph a line: GitHub joins the lines of one paragraph into one.
    return lines.map((spans) => line(spans));
}

;// CONCATENATED MODULE: ./src/report/job-summary.ts


/**
 * The job summary GitHub shows for the run: the run's summary as Markdown, the failure that
 * ended the run first when there was one.
 */
function renderJobSummary(report, failure) {
    return renderMarkdown(runSummary(report, failure));
}

;// CONCATENATED MODULE: ./src/action.ts
/**
 * The GitHub Action's entry point: inputs in, one pipeline run, outputs and the job summary
 * out. The only module that talks to the runner.
 */











/**
 * `core.warning`, `core.error` and `core.group` escape their text into one command line
 * (toolkit command.ts `escapeData`); `core.info` writes it raw, so every line of an info
 * message is made command-safe here: the last line of defence should an outside value reach a
 * message without `logText` (see log-text.ts for what the runner reads as a command).
 */
const actionsLogger = {
    info: (message) => info((0,log_text/* commandSafeText */.eE)(message)),
    warning: (message) => warning(message),
    error: (message) => error(message),
    group: (title, fn) => group(title, fn),
};
function readInputs() {
    return Object.fromEntries(settings_settings/* INPUT_NAMES */.Qh.map((name) => [name, getInput(name)]));
}
async function report(run, failure) {
    const artifact = artifactName(run);
    noteInReport(run, { kind: 'artifact-named', name: artifact });
    const totals = syncTotals(run);
    const outputs = {
        'tickets-found': ticketsFound(run),
        'tickets-dir': run.ticketsDir,
        'tickets-eligible': totals.eligible,
        'tickets-sent': totals.sentNow,
        'tickets-failed': totals.failed,
        'tickets-delivered-before': totals.deliveredBefore,
        // The same figure under its first name, kept for workflows that read it; deprecated, it
        // goes in the next minor release ("skipped" also named two other things).
        'tickets-skipped': totals.deliveredBefore,
        complete: run.complete,
        'progress-file': run.progressFile,
        receiver: receiverOutput(run),
        'artifact-name': artifact,
    };
    await group('Outputs', () => {
        for (const [name, value] of Object.entries(outputs)) {
            setOutput(name, value);
            actionsLogger.info(`${name}=${value}`);
        }
        return Promise.resolve();
    });
    // Outside a runner (a local try of the bundle) there is no summary file to write to.
    if (process.env.GITHUB_STEP_SUMMARY)
        await summary.addRaw(renderJobSummary(run, failure)).write();
}
/** The workflow_dispatch inputs of this run, from the event payload the runner wrote. */
function eventInputs() {
    const file = process.env.GITHUB_EVENT_PATH;
    if (!file || !(0,external_node_fs_.existsSync)(file))
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')).inputs;
    }
    catch {
        return undefined;
    }
}
/** `production`, `test`, or a custom receiver's origin and path. */
function receiverOutput(run) {
    return run.receiver === 'custom' ? run.webhookUrl : run.receiver;
}
/** A name upload-artifact accepts: region, first event, run and attempt. */
function artifactName(run) {
    const events = run.pulls.map((pull) => pull.metadata.event_id);
    const event = events.length > 1 ? `${events[0]}+${events.length - 1}` : (events[0] ?? 'no-event');
    const runId = process.env.GITHUB_RUN_ID ?? 'local';
    return `tickets-${run.region}-${event}-${runId}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`;
}
async function run() {
    const raw = readInputs();
    // Masked before anything reads them: the inputs table marks which hold secrets.
    for (const name of settings_settings/* SECRET_INPUTS */.pH) {
        const secret = raw[name]?.trim();
        if (secret)
            core_setSecret(secret);
    }
    let runReport;
    try {
        const settings = (0,settings_settings/* parseSettings */.P$)(raw, process.env.GITHUB_WORKSPACE || process.cwd());
        runReport = newRunReport(settings, systemClock.now());
        // The GitHub client loads only for a sync that keeps progress on the branch: start-up
        // stays short otherwise.
        const github = (0,settings_settings/* keepsProgressOnBranch */.fY)(settings)
            ? (await Promise.all(/* import() */[__nccwpck_require__.e(891), __nccwpck_require__.e(158)]).then(__nccwpck_require__.bind(__nccwpck_require__, 158))).createGitHubServices(settings, { env: process.env, eventInputs: eventInputs() }, actionsLogger, systemClock)
            : undefined;
        const signal = abortOnCancelSignals((name) => warning(`Received ${name}: no new delivery starts; saving progress.`));
        const services = createRunServices(settings, {
            logger: actionsLogger,
            clock: systemClock,
            signal,
            github,
        });
        await runPipeline(settings, services, runReport);
        await report(runReport);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Reporting must not hide the failure, even when it fails itself.
        if (runReport)
            await report(runReport, message).catch((reportError) => warning(`Could not write outputs or summary: ${String(reportError)}`));
        setFailed(message);
    }
}


/***/ }),

/***/ 364:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Bytes gathered before each write of a file written in pieces. */
const WRITE_BUFFER_BYTES = 64 * 1024;
/**
 * Writes `file` whole or not at all, and durably: a crash, a cancel or a power cut leaves
 * either the file as it was or the new one, never half of it. The content goes to a temporary
 * file in the same folder (a rename is atomic only within one filesystem), is fsynced, then
 * renamed over `file`; the folder is fsynced after, so the rename itself survives a power cut.
 *
 * `content` may come in pieces: they are gathered in one reused buffer, so a file of any size
 * is written holding no more than one piece and the buffer (no large strings, no buffer per
 * piece).
 */
async function writeFileAtomic(file, content) {
    const temporary = `${file}.${process.pid}.tmp`;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(temporary, 'w');
    try {
        // `writeFile` on a handle writes from where the handle is and repeats until every byte is
        // written; a single `write` may write fewer bytes than it is given.
        if (typeof content === 'string')
            await handle.writeFile(content);
        else
            await writePieces(handle, content);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temporary, file);
    await syncFolder(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file));
}
async function writePieces(handle, pieces) {
    const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    let used = 0;
    for (const piece of pieces) {
        // UTF-8 needs at most 3 bytes per UTF-16 unit: a bound that costs no measuring.
        if (used > 0 && used + piece.length * 3 > buffer.length) {
            await handle.writeFile(buffer.subarray(0, used));
            used = 0;
        }
        if (piece.length * 3 > buffer.length)
            await handle.writeFile(piece);
        else
            used += buffer.write(piece, used);
    }
    if (used > 0)
        await handle.writeFile(buffer.subarray(0, used));
}
/**
 * Makes a rename in `folder` durable. Some filesystems (and platforms) refuse to open or fsync
 * a folder: the rename is still atomic then, only not yet certain to survive a power cut, which
 * is no reason to fail a write that has already landed.
 */
async function syncFolder(folder) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(folder, 'r');
    }
    catch {
        return;
    }
    try {
        await handle.sync();
    }
    catch {
        // Refused: see above.
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   E2: () => (/* binding */ ProgressFileError),
/* harmony export */   Fz: () => (/* binding */ RunStoppedError),
/* harmony export */   S7: () => (/* binding */ VivenuError),
/* harmony export */   bZ: () => (/* binding */ AnswerRefusedError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   nm: () => (/* binding */ namingInput)
/* harmony export */ });
/* unused harmony exports UsageError, PathInputError */
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(529);
/**
 * Every error this tool raises on purpose, in one place, so a reader finds what can go wrong
 * and what a person does about it. Each message says what was wrong and what to check; none
 * carries personal data or a credential. This module imports only log-text.ts (to put a path
 * into a message safely), which imports only format.ts: anything may import it without a cycle,
 * which is why settings, progress and the ticket files share namingInput from here.
 */

/**
 * One or more inputs are malformed. Raised before any network call, listing every problem at
 * once: the person fixes the inputs named and runs again.
 */
class InputError extends Error {
    problems;
    name = 'InputError';
    constructor(problems) {
        super(problems.length === 1
            ? `Invalid input: ${problems[0]}`
            : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
    }
}
/**
 * The command line is malformed (a missing region or event id, an unknown flag). The CLI
 * prints the message, not a stack, and exits 1: the person fixes the command (see --help).
 */
class UsageError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'UsageError';
}
/**
 * Vivenu answered in a way retrying cannot fix (bad key, bad query, unusable pages): the person
 * checks the API key, the region and the event id the message names.
 */
class VivenuError extends Error {
    status;
    name = 'VivenuError';
    constructor(message, 
    /** Vivenu's refusal, when it was an answer (401: the key; 404: no such event). */
    status) {
        super(message);
        this.status = status;
    }
}
/**
 * A failure below HTTP in the pull's GET; `cause` is Node's own error (its `code`, e.g.
 * ECONNREFUSED). The retry loop decides whether to try again; when it gives up, the person
 * checks the network and `vivenu-url`.
 */
class NetworkError extends Error {
    name = 'NetworkError';
}
/**
 * An answer refused unread because of what it is, not how the network behaved: a content
 * coding not asked for, or a body over the size allowed. Retrying does not change either: the
 * person checks `vivenu-url` points at Vivenu.
 */
class AnswerRefusedError extends NetworkError {
    name = 'AnswerRefusedError';
}
/**
 * The progress file, its journal or its lock cannot be used as it is (not valid JSON, an
 * unexpected shape, a broken journal line, held by another run). Nothing is overwritten: the
 * person fixes or moves the file the message names, or waits for the other run.
 */
class ProgressFileError extends Error {
    name = 'ProgressFileError';
}
/**
 * A run that ended early on purpose (cancel) or on a condition a person must act on (an
 * untrusted pull, a refused test delivery, failed tickets, progress not committed). The
 * message says which and what to do; running again with the same inputs continues.
 */
class RunStoppedError extends Error {
    name = 'RunStoppedError';
}
/**
 * A file or folder that an input names (`tickets-dir`, `progress-file`) could not be read or
 * written. The message names the input, the path, the system's code and what to do.
 */
class PathInputError extends Error {
    name = 'PathInputError';
}
/** What to do about a file-system error code, for a person. */
const ADVICE_BY_CODE = {
    EACCES: 'give the job permission to write there, or name another path',
    EPERM: 'give the job permission to write there, or name another path',
    EISDIR: 'it is a folder: name a file',
    ENOTDIR: 'a part of the path is a file: name a path whose parents are folders',
    ENOSPC: 'the disk is full: free space, or name a path on another disk',
    EDQUOT: 'the disk quota is used up: free space, or name a path on another disk',
    EROFS: 'the file system is read-only: name a path on a writable one',
    ELOOP: 'symbolic links there form a loop: remove them',
    ENAMETOOLONG: 'the path is too long: name a shorter one',
};
/**
 * A file-system error turned into one that names the input behind the path and what to do
 * (`EISDIR` alone tells a person nothing). Errors without a code pass through unchanged.
 */
function namingInput(input, doing, file, error) {
    const code = error?.code;
    if (typeof code !== 'string' || !(error instanceof Error))
        return error;
    const advice = ADVICE_BY_CODE[code] ?? 'check the path and its permissions';
    return new PathInputError(`${input}: could not ${doing} ${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(file)} (${code}): ${advice}.`, {
        cause: error,
    });
}


/***/ }),

/***/ 264:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ count)
/* harmony export */ });
/**
 * A count as people read it in logs and summaries: 1,912.
 *
 * Grouped by hand, not with `toLocaleString('en-US')`: on Node 24 the first call loads ICU's
 * number formatting (about 20 ms and 6 MB of resident memory) only to place commas. Whole
 * numbers come out exactly as `toLocaleString('en-US')` gives them; anything else still goes
 * through it.
 */
function count(n) {
    if (!Number.isSafeInteger(n))
        return n.toLocaleString('en-US');
    const digits = String(n < 0 ? -n : n);
    let grouped = '';
    for (let end = digits.length; end > 0; end -= 3) {
        grouped = `${end > 3 ? ',' : ''}${digits.slice(Math.max(0, end - 3), end)}${grouped}`;
    }
    return n < 0 || Object.is(n, -0) ? `-${grouped}` : grouped;
}


/***/ }),

/***/ 994:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ noFollowUp),
/* harmony export */   W: () => (/* binding */ followUpBy)
/* harmony export */ });
/** auto-continue is off, or this is not a sync that commits: no follow-up run, nothing said. */
const noFollowUp = {
    mayStart: false,
    startIfDue: () => Promise.resolve(undefined),
};
/** A follow-up run that `dispatch` starts (workflow_dispatch), after the checks a chain needs. */
function followUpBy(dispatch, logger) {
    const notContinuing = (note) => {
        logger.warning(`Not continuing: ${note}.`);
        return { dispatched: false, note };
    };
    return {
        mayStart: true,
        async startIfDue(due, signal) {
            if (!due.stoppedWithTicketsLeft)
                return undefined;
            // The follow-up run reads the committed file: without the final commit it would resend.
            if (due.commitFailure !== undefined) {
                return notContinuing(`the final commit did not land (${due.commitFailure})`);
            }
            if (due.sent === 0)
                return notContinuing('this run delivered nothing new, so the chain stops here');
            try {
                const url = await dispatch(signal);
                logger.info(`Started the follow-up run${url ? `: ${url}` : ''}`);
                // Dispatched while this run still holds the receiver's concurrency group: it waits there,
                // queued in order behind this run and any run to the same receiver clicked before it.
                return {
                    dispatched: true,
                    url,
                    note: 'a follow-up run is queued behind this one and continues where it stopped',
                };
            }
            catch (error) {
                const note = `the follow-up run could not be started (${error.message})`;
                logger.warning(`Not continuing: ${note}. Run the workflow again to continue.`);
                return { dispatched: false, note };
            }
        },
    };
}


/***/ }),

/***/ 902:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   Po: () => (/* binding */ classifyNetworkFailure),
/* harmony export */   R$: () => (/* binding */ retrying),
/* harmony export */   gl: () => (/* binding */ describeNetworkError),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   ur: () => (/* binding */ defaultRetryPolicy)
/* harmony export */ });
/* unused harmony exports backoffDelayMs, retryDelayMs, REFUSALS_BEFORE_LASTING, isLocalHost */
/**
 * Retries for every HTTP caller: which failures are worth another try, how long to wait, and
 * the one loop that tries again (`retrying`). The caller owns the clock: it passes the wait.
 */
const defaultRetryPolicy = {
    maxAttempts: 8,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
};
/** 408, 429 and every 5xx are the server saying "not now", not "never". */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/**
 * `Retry-After` as milliseconds to wait, from either form the HTTP spec allows
 * (delay-seconds or an HTTP date). Undefined when absent or unreadable.
 */
function parseRetryAfter(header, nowMs) {
    if (header === null)
        return undefined;
    const value = header.trim();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    // An HTTP date always names its day or month; without letters, "-5" would parse as a year.
    if (!/[a-z]/i.test(value))
        return undefined;
    const date = Date.parse(value);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
/**
 * Exponential backoff with "equal jitter": half the step is fixed so waits always grow, half
 * is random so many clients do not retry in lock step. `attempt` counts from 1.
 */
function backoffDelayMs(attempt, policy, random) {
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + (random() * step) / 2);
}
/** How long to wait before the next attempt: the server's word when it gave one. */
function retryDelayMs(attempt, retryAfterMs, policy, random) {
    if (retryAfterMs !== undefined)
        return Math.min(retryAfterMs, policy.maxRetryAfterMs);
    return backoffDelayMs(attempt, policy, random);
}
/**
 * The one retry loop: attempts counted from 1, each asked for its outcome, until one is done or
 * gives up, the loop's bound is reached, or a wait is cut short. Between attempts it waits
 * `retryDelayMs` (the server's Retry-After, capped, else backoff) through the caller's `wait`.
 */
async function retrying(attemptOnce, loop) {
    const random = loop.random ?? Math.random;
    for (let attempt = 1;; attempt++) {
        const outcome = await attemptOnce(attempt);
        if (outcome.kind !== 'retry')
            return outcome.value;
        if ('exhausted' in loop && attempt >= loop.policy.maxAttempts) {
            return loop.exhausted(outcome, attempt);
        }
        const delayMs = loop.wait
            ? retryDelayMs(attempt, outcome.retryAfterMs, loop.policy, random)
            : 0;
        const stop = 'until' in loop ? loop.until(outcome, attempt, delayMs) : undefined;
        if (stop)
            return stop.value;
        loop.onRetry?.(outcome, attempt, delayMs);
        const stopped = await loop.wait?.(delayMs, attempt);
        if (stopped)
            return stopped.value;
    }
}
const NETWORK_ERROR_NAMES = {
    UND_ERR_SOCKET: 'connection dropped',
    ECONNRESET: 'connection reset',
    ECONNREFUSED: 'connection refused',
    UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host lookup failed',
};
/** What an error's `cause` chain tells, read in one walk down it. */
function readNetworkError(error) {
    let code;
    let address;
    let message = error instanceof Error ? error.message : String(error);
    // The error's own cause, read whatever its shape (fetch's is Node's error; a bare object too).
    let directCause;
    let current = error;
    // fetch (undici) throws TypeError('fetch failed') with Node's error as `cause`; Octokit wraps
    // that TypeError once more; node:http's NetworkError has Node's error as `cause`.
    for (let depth = 0; current instanceof Error && depth < 5; depth++) {
        const own = current.code;
        if (code === undefined && typeof own === 'string')
            code = own;
        // Node's connect errors name the address they tried: a host name may resolve to loopback.
        const tried = current.address;
        if (address === undefined && typeof tried === 'string')
            address = tried;
        message = current.message;
        current = current.cause;
        if (depth === 0)
            directCause = current;
    }
    return { description: describeFailure(error, directCause, code), code, message, address };
}
/** fetch's own cause says what happened (its code first); a deeper code only when it has none. */
function describeFailure(error, cause, firstCode) {
    if (!(error instanceof Error))
        return String(error);
    if (error.name === 'TimeoutError')
        return 'timed out';
    const code = typeof cause?.code === 'string' ? cause.code : firstCode;
    if (code)
        return NETWORK_ERROR_NAMES[code] ? `${NETWORK_ERROR_NAMES[code]} (${code})` : code;
    return typeof cause?.message === 'string' ? cause.message : error.message;
}
/** A failure below HTTP (refused, reset, dropped, DNS, our own timeout), in a few words. */
function describeNetworkError(error) {
    return readNetworkError(error).description;
}
/**
 * OpenSSL's certificate verdicts as Node reports them (nodejs.org/api/tls.html, "X509
 * certificate error codes"), and Node's own for a name the certificate does not cover.
 */
const CERTIFICATE_CODE = /^(CERT_|UNABLE_TO_(GET_ISSUER|VERIFY|DECRYPT|DECODE)|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|INVALID_CA|PATH_LENGTH_EXCEEDED|INVALID_PURPOSE|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID)/;
/**
 * A refusal from an address on this machine or this network means nothing listens there: one
 * retry covers a local server restarting, a second refusal in a row is the answer.
 */
const REFUSALS_BEFORE_LASTING = 2;
/** Loopback and private (RFC 1918, RFC 4193, link-local) hosts, by their literal form. */
function isLocalHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost') || host === '::1')
        return true;
    if (/^(fc|fd)[0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host))
        return true;
    const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host.replace(/^::ffff:/, ''));
    if (!v4)
        return false;
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (a === 127 ||
        a === 10 ||
        (a === 172 && b >= 16 && b <= 31) ||
        (a === 192 && b === 168) ||
        (a === 169 && b === 254));
}
/**
 * The one classifier of failures below HTTP, for every client (the Vivenu pull over node:http,
 * deliveries over fetch, GitHub through Octokit). Lasting: fetch's "bad port" (the Fetch
 * standard blocks ports such as 9 and 1 before connecting: fetch.spec.whatwg.org/#port-blocking),
 * a host that does not exist (ENOTFOUND), a certificate TLS rejects, and a connection refused
 * by a loopback or private address `refusedBefore` + 1 times in a row. Everything else (resets,
 * timeouts, a public host refusing, EAI_AGAIN) may be load or a passing fault: retried.
 */
function classifyNetworkFailure(error, url, refusedBefore = 0) {
    const { description: reason, code, message, address } = readNetworkError(error);
    const target = new URL(url);
    const refused = code === 'ECONNREFUSED';
    if (error instanceof Error && error.name === 'TimeoutError')
        return { reason, refused };
    if (code === undefined && /^bad port$/i.test(message)) {
        return {
            reason: 'bad port',
            lasting: `port ${target.port} is one fetch refuses to connect to (a blocked port): use the service's real port`,
            refused,
        };
    }
    if (code === 'ENOTFOUND') {
        return {
            reason,
            lasting: `the host ${target.hostname} does not exist (DNS: ENOTFOUND): check the address`,
            refused,
        };
    }
    if (code !== undefined && CERTIFICATE_CODE.test(code)) {
        return {
            reason: `certificate rejected (${code})`,
            lasting: `${target.host}'s TLS certificate was rejected (${code}): the address must serve a certificate a public CA signed for that name`,
            refused,
        };
    }
    const local = isLocalHost(target.hostname) || (address !== undefined && isLocalHost(address));
    if (refused && local && refusedBefore + 1 >= REFUSALS_BEFORE_LASTING) {
        return {
            reason,
            lasting: `nothing listens at ${target.host} (connection refused ${refusedBefore + 1} times in a row): check the address and port, or start the service`,
            refused,
        };
    }
    return { reason, refused };
}


/***/ }),

/***/ 407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(929);

await (0,_action_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 529:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bo: () => (/* binding */ urlForDisplay),
/* harmony export */   eE: () => (/* binding */ commandSafeText),
/* harmony export */   kc: () => (/* binding */ logText)
/* harmony export */ });
/* unused harmony exports MOST_SHOWN_OF_A_VALUE, commandSafeLine */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(264);

/**
 * What the Actions runner reads as a workflow command in a line of a step's output
 * (actions/runner, src/Runner.Common/ActionCommand.cs, read at 258d6c8):
 * - `TryParseV2`: the line, after `TrimStart()` (leading whitespace dropped), starts with `::`
 *   and the text up to the next `::` names a registered command (case-insensitively).
 * - `TryParse`, the legacy form, tried when V2 fails: `##[` ANYWHERE in the line, the name
 *   running to the next `]`.
 * The runner splits output into lines with `StreamReader.ReadLine` (ProcessInvoker.cs), which
 * ends a line at `\n`, `\r` or `\r\n`.
 *
 * What @actions/core escapes itself (actions/toolkit, packages/core/src/command.ts, read at
 * 4b9afa4): `warning`, `error`, `group` and every other command go through `issueCommand`,
 * whose `escapeData` turns `%`, `\r` and `\n` into `%25`, `%0D`, `%0A`, so their message is one
 * line the runner reads as that command and nothing else. `core.info` writes its message raw.
 */
/** The legacy command prefix; a line holding it anywhere is read as a command. */
const LEGACY_COMMAND_PREFIX = '##[';
/** `##[` shown with its bracket escaped: the same text to a person, no command to the runner. */
const LEGACY_PREFIX_SHOWN = '##\\u005b';
/** The runner's line ends: `\r\n`, `\r` and `\n`. */
const RUNNER_LINE_END = /\r\n|\r|\n/;
/**
 * The most of one outside value a log line shows, in UTF-16 units, before the escapes: a
 * ticket name or an id of 50,000 characters (issue 23, row 1) would otherwise fill a line, and
 * every line that names it. Long enough for any path a runner has.
 */
const MOST_SHOWN_OF_A_VALUE = 1_000;
/**
 * An outside value (from Vivenu, the receiver, GitHub or a file) made safe to put in a log
 * line: control characters and line breaks shown escaped, so the value stays on its line and
 * cannot start a workflow command (`::error::…`) of its own, and `##[` (a command anywhere in
 * a line) shown as `##\u005b`. Past MOST_SHOWN_OF_A_VALUE it is cut, saying how long it was.
 * It never throws: a value with no text of its own (an object without a prototype) is named.
 */
function logText(value) {
    let text;
    try {
        text = typeof value === 'string' ? value : String(value);
    }
    catch {
        text = `(a value of type ${typeof value})`;
    }
    if (text.length > MOST_SHOWN_OF_A_VALUE) {
        // Cut between characters: a surrogate pair's first half alone is no character.
        const end = /[\uD800-\uDBFF]/.test(text[MOST_SHOWN_OF_A_VALUE - 1])
            ? MOST_SHOWN_OF_A_VALUE - 1
            : MOST_SHOWN_OF_A_VALUE;
        text = `${text.slice(0, end)}… (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .count */ .U)(text.length)} characters in all)`;
    }
    // C0 and C1 controls, DEL, and the two Unicode line separators.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => {
        switch (character) {
            case '\n':
                return '\\n';
            case '\r':
                return '\\r';
            case '\t':
                return '\\t';
            default:
                return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
        }
    });
    return escaped.split(LEGACY_COMMAND_PREFIX).join(LEGACY_PREFIX_SHOWN);
}
/**
 * One line the runner cannot read as a command: a `::` at its start (after leading
 * whitespace, which the runner trims) gets its first colon shown as `\u003a`, and `##[` is
 * shown as `##\u005b`.
 */
function commandSafeLine(line) {
    const unprefixed = line.split(LEGACY_COMMAND_PREFIX).join(LEGACY_PREFIX_SHOWN);
    // .NET's TrimStart drops what char.IsWhiteSpace calls white space: JavaScript's \s and the
    // next-line control U+0085 cover that set (and U+FEFF besides, which costs nothing here).
    return unprefixed.replace(/^([\s\u0085]*)::/, '$1\\u003a:');
}
/**
 * The last line of defence for text written raw to a step's log (`core.info`, or any entry
 * point whose output a runner may read): every line, split where the runner splits, made
 * command-safe. Lines the code writes itself are unchanged unless they would be read as a
 * command; outside values should already have gone through `logText`.
 */
function commandSafeText(message) {
    return message.split(RUNNER_LINE_END).map(commandSafeLine).join('\n');
}
/**
 * A URL as shown anywhere a person reads it (log, summary, errors): origin and path only. A
 * query string or fragment can hold a token (`?token=…`), and the parser has already refused
 * credentials in the authority; neither is shown.
 */
function urlForDisplay(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    }
    catch {
        // Not a URL (should not happen past settings): show none of it rather than all of it.
        return '(a URL that does not parse)';
    }
}


/***/ }),

/***/ 111:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ EARLIER_TOOL_SELECTION),
/* harmony export */   OG: () => (/* binding */ keysFromEligible),
/* harmony export */   jm: () => (/* binding */ keysFromFile)
/* harmony export */ });
/* harmony import */ var _progress_file_format_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(210);
/**
 * The six keys the earlier Python tool keeps per event (docs/sources.md, "Its progress file"),
 * written into every event entry so that tool can continue from our file: it indexes
 * `status` directly (an entry without it crashes it with `KeyError: 'status'`), skips a
 * `completed` event unless `--resume`, and with `--resume` starts at `last_processed_index + 1`
 * of its eligible list sorted by `createdAt`, skipping ids in `sent_ticket_ids`. Its
 * `sent_ticket_ids` is the list we keep anyway; the other five are derived here.
 */

// What the keys are in a file, and how a file's are read, is the format's (one schema).

/**
 * The keys from the eligible list this run pulled, knowing which were sent.
 *
 * Decided: `last_processed_index` is always -1, the lowest value the rule "no further than the
 * last ticket before the first unsent one" allows. The earlier tool applies the index to the
 * eligible list of *its* run, not ours: a delivered ticket refunded since (or made INVALID)
 * moves every later ticket one place back, and an old RESERVED ticket that became VALID lands
 * inside the range, so any higher index makes it skip as many unsent tickets for good
 * (test/integration/earlier-tool-rules.test.ts plays both). From -1 it goes through its whole
 * list and skips every id in `sent_ticket_ids`: nothing twice, nothing skipped.
 *
 * `processed_tickets` counts the delivered tickets that are eligible now, not every id ever
 * sent: the earlier tool sets `completed` when `processed_tickets >= total_tickets`, so a
 * delivered ticket refunded since must not count towards the tickets still to go.
 */
function keysFromEligible(eligibleIds, isSent, sentEver, batchesCompleted) {
    const processed = eligibleIds.filter(isSent).length;
    return {
        total_tickets: eligibleIds.length,
        processed_tickets: processed,
        last_processed_index: _progress_file_format_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_TICKET_HANDLED */ .o_,
        status: statusOf(eligibleIds.length, processed, sentEver),
        batches_completed: batchesCompleted,
    };
}
/**
 * Decided: `completed` only when the event has eligible tickets and all are delivered (an
 * event with none is never done: a wrong id or region looks the same); `pending` while
 * nothing of the event was ever delivered; `in_progress` otherwise.
 */
function statusOf(total, processed, sentEver) {
    if (total > 0 && processed >= total)
        return 'completed';
    return sentEver > 0 ? 'in_progress' : 'pending';
}
/**
 * The keys of an event this run did not pull (skipped as processed, another run's event, or
 * before the pull): what the file said, brought up to date with the ids delivered since it
 * was read (a replayed journal, a merged concurrent run); each of those was eligible when it
 * went, so it counts as processed. An entry without the keys (ours before they were written,
 * or the earlier tool's own before its first run) counts every sent id. The index is -1, as
 * always (see keysFromEligible), whatever the file said.
 */
function keysFromFile(read, options) {
    const { sentEver, sentSinceRead } = options;
    const processed = read.processed_tickets === undefined ? sentEver : read.processed_tickets + sentSinceRead;
    const status = read.status === 'completed' || options.processed
        ? 'completed'
        : sentEver > 0
            ? 'in_progress'
            : (read.status ?? 'pending');
    return {
        total_tickets: read.total_tickets ?? sentEver,
        processed_tickets: processed,
        last_processed_index: _progress_file_format_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_TICKET_HANDLED */ .o_,
        status,
        batches_completed: options.batches,
    };
}
/**
 * The earlier tool's selection: status VALID or DETAILSREQUIRED and a ticketName containing
 * CHARITY (its documentation, "Filtering Logic"), the action's defaults. `events_processed` and
 * the six keys above speak of this selection only: an event completed for another is recorded
 * apart (`completed_for`), so the earlier tool never skips an event on a narrower run's word.
 */
const EARLIER_TOOL_SELECTION = (0,_progress_file_format_js__WEBPACK_IMPORTED_MODULE_0__/* .selectionKey */ .iA)({
    statuses: ['VALID', 'DETAILSREQUIRED'],
    nameContains: 'CHARITY',
});


/***/ }),

/***/ 210:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  o_: () => (/* binding */ NO_TICKET_HANDLED),
  wH: () => (/* binding */ deliveryTime),
  Ee: () => (/* binding */ journalLine),
  q_: () => (/* binding */ parseChange),
  Dm: () => (/* binding */ progressFileText),
  cv: () => (/* binding */ readProgressFile),
  iA: () => (/* binding */ selectionKey)
});

// UNUSED EXPORTS: PROGRESS_FORMAT, readEarlierKeys

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __nccwpck_require__(691);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
// EXTERNAL MODULE: ./src/vivenu/tickets.ts + 1 modules
var tickets = __nccwpck_require__(553);
;// CONCATENATED MODULE: ./src/progress/json-problem.ts
/** Characters a person does not see: controls (JSON's own white space aside) and formats. */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const codePoint = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
/**
 * Why `text` is not JSON, in words a person can act on: JSON.parse's message (which may
 * quote the text around the fault) with invisible characters named (`U+200B`), cut to a line,
 * and where the first invisible character of the file is, if it has one; or, for a file saved
 * as UTF-16 (its bytes read as UTF-8 show NULs, or two U+FFFD for its mark), that.
 */
function jsonProblem(text, error) {
    if (text.startsWith('\uFFFD\uFFFD') || text.slice(0, 200).includes('\u0000'))
        return 'it looks saved as UTF-16: save it as UTF-8';
    const message = error instanceof Error ? error.message : String(error);
    const named = message.replace(INVISIBLE, codePoint);
    const said = named.length > 200 ? `${named.slice(0, 200)}…` : named;
    INVISIBLE.lastIndex = 0;
    const hidden = INVISIBLE.exec(text);
    if (!hidden)
        return said;
    const before = text.slice(0, hidden.index).split('\n');
    return `${said}; the file holds an invisible character, ${codePoint(hidden[0])}, at line ${before.length}, column ${before.at(-1).length + 1}`;
}

;// CONCATENATED MODULE: ./src/progress/progress-file-format.ts




/**
 * The progress file's format, in one place: its schema (the types below are inferred from it),
 * how a file is read into the words Progress uses (readProgressFile) and written back
 * (progressFileText), its journal's lines, and which formats this code reads.
 *
 * Whose fields are whose. The earlier Python tool wrote `events_processed`, `tickets_sent`,
 * `errors`, `last_run` and, per event, six keys (`sent_ticket_ids` and the five
 * earlier-tool-keys.ts derives); it reads them back and keeps any other top-level key as it was
 * (docs/sources.md, "Its progress file"). This tool adds `format`, `region`, `receiver`,
 * `errors_total` and, per event, `sent`, `sent_at`, `completed_for` and `redelivered`. A field
 * neither knows is kept as it was, at the top and in each event: the schema's shape is the list
 * of fields this tool knows, and everything else is carried through.
 *
 * How two copies merge (mergeProgress in progress.ts, when the branch's copy moved on): the
 * published copy is the base and every change of this machine is applied to it, so delivered
 * ids, `sent_at` (the first time wins), `events_processed`, `completed_for`, `redelivered` and
 * `errors` (the latest MAX_ERRORS_KEPT) are unions, `tickets_sent` grows by the tickets the
 * published copy did not have, `errors_total` by the errors it did not have; the earlier tool's
 * keys are computed again from the merged ids (Progress.foldInKnowledgeOf), never copied from
 * either side; a copy of another `receiver` is refused; unknown fields are the published copy's.
 */
/**
 * The format this code writes, and the newest it reads. A file without `format` is the earlier
 * tool's (or one of this tool's first ones); 2 is this tool's before `receiver`,
 * `completed_for` and `redelivered`; 3 may hold those three. 2 and 3 are read alike (the three
 * are optional). Versions of this action that wrote 2 never look at `format` and keep every
 * field they do not know, at the top and in each event, so they still read a format-3 file and
 * write the three back as they found them (with `"format": 2`). A newer file is refused
 * (readProgressFile): its fields may mean what this code cannot tell, and writing it back in
 * an older format would lose that.
 */
const PROGRESS_FORMAT = 3;
/** The earlier tool's own `last_processed_index` before it handled any ticket. */
const NO_TICKET_HANDLED = -1;
/** A count as the earlier tool writes it: an integer, at least `min`. */
const earlierCount = (min) => schemas/* number */.aig().min(min).refine(Number.isInteger);
/**
 * The earlier tool's five keys beside `sent_ticket_ids`, as read: a value of the wrong type is
 * read as absent and computed again (all five follow from the sent ids and the eligible list,
 * so nothing is lost).
 */
const earlierKeysRead = schemas/* object */.Ikc({
    /** Eligible tickets of the event, as of the run that last pulled it. */
    total_tickets: earlierCount(0).optional().catch(undefined),
    /** Of those, how many were delivered (so `processed >= total` means all of them). */
    processed_tickets: earlierCount(0).optional().catch(undefined),
    /** Where the earlier tool's `--resume` starts, less one: always -1 here (earlier-tool-keys.ts). */
    last_processed_index: earlierCount(NO_TICKET_HANDLED).optional().catch(undefined),
    /** `pending` (none delivered), `in_progress` or `completed` (all eligible delivered). */
    status: schemas/* enum */.k5n(['pending', 'in_progress', 'completed']).optional().catch(undefined),
    /** Runs that delivered at least one ticket of the event. */
    batches_completed: earlierCount(0).optional().catch(undefined),
});
/** The earlier tool's keys found in an event entry; a value of the wrong type is left out. */
function readEarlierKeys(entry) {
    const read = earlierKeysRead.parse(entry);
    return Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined));
}
/** A selection an event was completed for (`completed_for`), as the file keeps it. */
const selectionSchema = schemas/* object */.Ikc({
    statuses: schemas/* array */.YOg(schemas/* string */.YjP()),
    name_contains: schemas/* string */.YjP(),
    /** The cutoff (ISO time), when the selection had one. */
    sold_before: schemas/* string */.YjP().optional(),
});
/** One redelivery (redeliver mode) as the file keeps it under its event (`redelivered`). */
const redeliverySchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    at: schemas/* string */.YjP(),
    /** The receiver's HTTP status, or null for no answer. */
    status: schemas/* number */.aig().int().nullable(),
});
/** One failed delivery, as `errors` keeps it and a journal line records it. */
const errorSchema = schemas/* object */.Ikc({
    event_id: schemas/* string */.YjP(),
    ticket_id: schemas/* string */.YjP(),
    /** The receiver's HTTP status, or null for a network failure. */
    status: schemas/* number */.aig().int().nullable(),
    error: schemas/* string */.YjP(),
    timestamp: schemas/* string */.YjP(),
});
/** One event's entry in `event_progress`. */
const eventSchema = schemas/* looseObject */._H3({
    ...earlierKeysRead.shape,
    /** Written as the number of `sent_ticket_ids`; read, it says nothing they do not. */
    sent: schemas/* unknown */.L5J().optional(),
    sent_ticket_ids: schemas/* array */.YOg(schemas/* string */.YjP()).default([]),
    /** When each delivered ticket was accepted (deliveryTime); files written before it have none. */
    sent_at: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).default({}),
    /**
     * Selections other than the earlier tool's the event was completed for (that one is
     * `events_processed`, which the earlier tool reads).
     */
    completed_for: schemas/* array */.YOg(selectionSchema).default([]),
    /** Tickets sent again by redeliver mode, with when and the answer. */
    redelivered: schemas/* array */.YOg(redeliverySchema).default([]),
    /** Dropped when read, as every version of this tool has done; none writes it. */
    last_sent_at: schemas/* unknown */.L5J().optional(),
});
const fileSchema = schemas/* looseObject */._H3({
    /** Checked before the shape (refuseNewerFormat); a value that is not a number says nothing. */
    format: schemas/* unknown */.L5J().optional(),
    /** Written from the run's region; what the file said is not read. */
    region: schemas/* unknown */.L5J().optional(),
    /** The receiver the deliveries went to (origin and path); files before it have none. */
    receiver: schemas/* string */.YjP().optional(),
    events_processed: schemas/* array */.YOg(schemas/* string */.YjP()).default([]),
    tickets_sent: schemas/* number */.aig().int().nonnegative().default(0),
    /** The earlier tool's entries may lack fields: each is read by toProgressError. */
    errors: schemas/* array */.YOg(schemas/* unknown */.L5J()).default([]),
    errors_total: schemas/* number */.aig().int().nonnegative().optional(),
    last_run: schemas/* string */.YjP().nullable().default(null),
    event_progress: schemas/* record */.g1P(schemas/* string */.YjP(), eventSchema).default({}),
});
/** Fields this tool reads and writes itself; any other is kept as it was. */
const KNOWN_FIELDS = new Set(Object.keys(fileSchema.shape));
const KNOWN_EVENT_FIELDS = new Set(Object.keys(eventSchema.shape));
/**
 * The progress file's text, checked: its contents, or a ProgressFileError naming the file,
 * what is wrong with it and that it was left as it is. A newer format is refused before the
 * shape is looked at, so the message says to update the action, not that the file is damaged.
 */
function readProgressFile(text, file) {
    // Some editors save a UTF-8 file with a byte order mark (issue 23, row 6). RFC 8259, 8.1:
    // JSON text must not start with one, and a parser may ignore one: this one does.
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    let json;
    try {
        json = JSON.parse(body);
    }
    catch (error) {
        throw new errors/* ProgressFileError */.E2(`progress file ${file} is not valid JSON (${jsonProblem(body, error)}). It was left as it is: fix it or move it away, then run again.`);
    }
    refuseNewerFormat(json, file);
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new errors/* ProgressFileError */.E2(`progress file ${file} has an unexpected shape at ${issue?.path.join('.') || 'the top'} (${issue?.message}). It was left as it is.`);
    }
    const data = parsed.data;
    return {
        receiver: data.receiver,
        eventsProcessed: data.events_processed,
        ticketsSent: data.tickets_sent,
        errors: data.errors.map(toProgressError),
        // The earlier tool keeps no total: its list is all there is.
        errorsTotal: Math.max(data.errors_total ?? 0, data.errors.length),
        lastRun: data.last_run,
        unknownFields: fieldsOutside(data, KNOWN_FIELDS),
        events: Object.entries(data.event_progress).map(([id, entry]) => ({
            id,
            earlierKeys: readEarlierKeys(entry),
            // A time for an id not in sent_ticket_ids says nothing: it is dropped with the next save.
            delivered: entry.sent_ticket_ids.map((ticketId) => ({
                id: ticketId,
                at: Object.hasOwn(entry.sent_at, ticketId) ? entry.sent_at[ticketId] : undefined,
            })),
            completedFor: entry.completed_for.map(recordKey),
            redelivered: entry.redelivered,
            unknownFields: fieldsOutside(entry, KNOWN_EVENT_FIELDS),
        })),
    };
}
function refuseNewerFormat(json, file) {
    const format = typeof json === 'object' && json !== null ? json.format : undefined;
    if (typeof format !== 'number' || format <= PROGRESS_FORMAT)
        return;
    throw new errors/* ProgressFileError */.E2(`progress file ${file} is format ${format}, written by a newer version of this action (this one reads up to ${PROGRESS_FORMAT}): ` +
        'update the action (the `uses:` ref or dist/) before running again. It was left as it is.');
}
function fieldsOutside(object, known) {
    return Object.fromEntries(Object.entries(object).filter(([key]) => !known.has(key)));
}
/**
 * The file's text for `contents`: the earlier tool's fields first within each event (after any
 * unknown ones, where they were), then the per-event delivered ids, one per line.
 */
function progressFileText(contents, region) {
    const eventProgress = {};
    for (const event of contents.events) {
        const times = event.delivered.flatMap(({ id, at }) => at === undefined ? [] : [[id, at]]);
        eventProgress[event.id] = {
            ...event.unknownFields,
            ...event.earlierKeys,
            sent: event.delivered.length,
            sent_ticket_ids: event.delivered.map((delivery) => delivery.id),
            // Only where some time is known: a file of an earlier tool stays as it was otherwise.
            ...(times.length > 0 ? { sent_at: Object.fromEntries(times) } : {}),
            ...(event.completedFor.length > 0
                ? { completed_for: [...event.completedFor].sort().map(selectionRecordOf) }
                : {}),
            ...(event.redelivered.length > 0 ? { redelivered: [...event.redelivered] } : {}),
        };
    }
    const file = {
        ...contents.unknownFields,
        format: PROGRESS_FORMAT,
        region,
        ...(contents.receiver === undefined ? {} : { receiver: contents.receiver }),
        events_processed: contents.eventsProcessed,
        tickets_sent: contents.ticketsSent,
        errors: contents.errors,
        errors_total: contents.errorsTotal,
        last_run: contents.lastRun,
        event_progress: eventProgress,
    };
    return `${JSON.stringify(file, null, 2)}\n`;
}
/**
 * A delivery's time as `sent_at` keeps it: ISO to the second, 20 characters, so the file grows
 * by one short timestamp per delivered ticket.
 */
function deliveryTime(epochMs) {
    return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/**
 * One text per selection, the same whatever the order or case the inputs were given in: the
 * record as JSON, statuses sorted and upper-case, the name upper-case (it is matched
 * case-insensitively, so its case says nothing), the cutoff as an ISO time.
 */
function selectionKey(selection) {
    return recordKey({
        statuses: [...selection.statuses],
        name_contains: selection.nameContains,
        ...(selection.soldBefore ? { sold_before: selection.soldBefore.iso } : {}),
    });
}
/** The selectionKey of a selection as the progress file records it. */
function recordKey(record) {
    const normalised = {
        statuses: [...new Set(record.statuses.map((s) => s.toUpperCase()))].sort(),
        name_contains: record.name_contains.toUpperCase(),
        ...(record.sold_before === undefined ? {} : { sold_before: record.sold_before }),
    };
    return JSON.stringify(normalised);
}
function selectionRecordOf(key) {
    return JSON.parse(key);
}
/**
 * One change to the progress, as a journal line records it between saves (and as Progress
 * applies it): checked as the file is, only the changes this tool writes.
 */
const changeSchema = schemas/* discriminatedUnion */.gMt('t', [
    /**
     * A delivery, with when the receiver accepted it (`at`, deliveryTime of the run's clock); a
     * change from an older journal or file may not know it.
     */
    schemas/* object */.Ikc({ t: schemas/* literal */.euz('sent'), e: schemas/* string */.YjP(), id: schemas/* string */.YjP(), at: schemas/* string */.YjP().optional() }),
    /**
     * Every eligible ticket of the event delivered, for the selection `for` names (a
     * selectionKey); without `for` (journals before it), for the earlier tool's selection.
     */
    schemas/* object */.Ikc({ t: schemas/* literal */.euz('processed'), e: schemas/* string */.YjP(), for: schemas/* string */.YjP().optional() }),
    /**
     * A ticket sent again by redeliver mode, and the receiver's answer (null: none): kept apart
     * from `sent`, so a redelivery never changes what counts as delivered.
     */
    schemas/* object */.Ikc({ t: schemas/* literal */.euz('redelivered'), e: schemas/* string */.YjP(), ...redeliverySchema.shape }),
    schemas/* object */.Ikc({ t: schemas/* literal */.euz('error'), error: errorSchema }),
]);
/** A change as one journal line, its new line included. */
function journalLine(change) {
    return `${JSON.stringify(change)}\n`;
}
/** One journal line as a change, or what is wrong with it (for an error naming the line). */
function parseChange(line) {
    let json;
    try {
        json = JSON.parse(line);
    }
    catch {
        return 'is not valid JSON';
    }
    const parsed = changeSchema.safeParse(json);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    return `is not a change this tool records (at ${issue?.path.join('.') || 'the top'}: ${issue?.message})`;
}
/** An error entry as found in a file; the earlier tool's may lack fields. */
function toProgressError(value) {
    const entry = (typeof value === 'object' && value !== null ? value : {});
    const text = (key) => (typeof entry[key] === 'string' ? entry[key] : '');
    return {
        event_id: text('event_id'),
        ticket_id: text('ticket_id'),
        status: typeof entry.status === 'number' ? entry.status : null,
        // An earlier tool kept whole answers here; keep the gist, never an email address.
        error: (0,tickets/* redactEmails */.HV)(text('error') || (typeof value === 'string' ? value : '')).slice(0, 300),
        timestamp: text('timestamp'),
    };
}


/***/ }),

/***/ 709:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  z: () => (/* binding */ ProgressLock),
  H: () => (/* binding */ lockPath)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(455);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __nccwpck_require__(691);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __nccwpck_require__(529);
;// CONCATENATED MODULE: ./src/progress/progress-lock.ts






function lockPath(progressFile) {
    return `${progressFile}.lock`;
}
const holderSchema = schemas/* object */.Ikc({
    pid: schemas/* number */.aig().int().positive(),
    host: schemas/* string */.YjP(),
    startedAt: schemas/* string */.YjP(),
});
/**
 * Whether the process `pid` on this machine has ended. Signal 0 tests whether a process
 * exists and sends nothing; ESRCH means there is none (nodejs.org/api/process.html#processkillpid-signal,
 * kill(2)). EPERM means it exists under another user: held.
 */
function hasEnded(pid) {
    try {
        process.kill(pid, 0);
        return false;
    }
    catch (error) {
        return error.code === 'ESRCH';
    }
}
/**
 * A lock only a run on this machine can judge: another machine's pid means nothing here, and
 * this process's own pid is another run inside this process.
 */
function isStale(holder) {
    return holder.host === external_node_os_default().hostname() && holder.pid !== process.pid && hasEnded(holder.pid);
}
/** The lock's holder; undefined when the lock is gone; 'unreadable' when it is not one of ours. */
async function readHolder(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        const parsed = holderSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : 'unreadable';
    }
    catch {
        return 'unreadable';
    }
}
function inUseError(progressFile, file, holder) {
    const who = holder === 'unreadable'
        ? 'a lock file that does not say who holds it'
        : `pid ${holder.pid} on ${(0,log_text/* logText */.kc)(holder.host)}, started ${(0,log_text/* logText */.kc)(holder.startedAt)}`;
    return new errors/* ProgressFileError */.E2(`progress file ${(0,log_text/* logText */.kc)(progressFile)} is in use by another run (${who}): it holds ${(0,log_text/* logText */.kc)(file)}. ` +
        `Nothing was sent and the file was left as it is. Wait for that run to end; if it is not running any more, delete ${(0,log_text/* logText */.kc)(file)} and run again.`);
}
/**
 * One run at a time on a progress file: two runs writing it at once would each save their own
 * view, and the last writer would drop the other's delivered ids, to be sent again. The lock
 * is a file beside it, created only if absent (`wx`), holding pid, host name and start time.
 * A lock left by a run that ended without releasing it (SIGKILL, a crash) is taken over when
 * its pid is gone from this machine.
 */
class ProgressLock {
    file;
    holder;
    tookOverFrom;
    released = false;
    releaseAtExit = () => this.releaseNow();
    constructor(file, holder, 
    /** The ended run whose lock this one took over, if any. */
    tookOverFrom) {
        this.file = file;
        this.holder = holder;
        this.tookOverFrom = tookOverFrom;
        // Every exit path, including an uncaught error, leaves no lock behind; only SIGKILL does.
        process.once('exit', this.releaseAtExit);
    }
    /** Takes the lock, or throws naming its holder: before any request, nothing sent. */
    static async acquire(progressFile, startedAt) {
        const file = lockPath(progressFile);
        const me = {
            pid: process.pid,
            host: external_node_os_default().hostname(),
            startedAt: startedAt.toISOString(),
        };
        let tookOverFrom;
        // Twice at most: once as found, once after taking over a stale lock or seeing it released.
        for (let attempt = 1; attempt <= 2; attempt++) {
            if (await createExclusive(file, `${JSON.stringify(me)}\n`, progressFile)) {
                return new ProgressLock(file, me, tookOverFrom);
            }
            const holder = await readHolder(file);
            if (holder === undefined)
                continue;
            if (holder === 'unreadable' || !isStale(holder) || attempt === 2)
                throw inUseError(progressFile, file, holder);
            // Two runs taking over the same stale lock at once: both remove it, one creates it anew
            // and the other finds that one's lock on its second try. The window is one rm and one open.
            await (0,promises_.rm)(file, { force: true });
            tookOverFrom = holder;
        }
        const holder = await readHolder(file);
        throw inUseError(progressFile, file, holder ?? 'unreadable');
    }
    /** Removes the lock file, if it is still this run's. */
    async release() {
        if (this.released)
            return;
        this.released = true;
        process.removeListener('exit', this.releaseAtExit);
        const holder = await readHolder(this.file).catch(() => undefined);
        if (this.isMine(holder))
            await (0,promises_.rm)(this.file, { force: true });
    }
    releaseNow() {
        if (this.released)
            return;
        this.released = true;
        try {
            if (this.isMine(holderSchema.parse(JSON.parse((0,external_node_fs_.readFileSync)(this.file, 'utf8')))))
                (0,external_node_fs_.rmSync)(this.file, { force: true });
        }
        catch {
            // Gone already, or not ours: nothing to release.
        }
    }
    isMine(holder) {
        return (typeof holder === 'object' &&
            holder.pid === this.holder.pid &&
            holder.host === this.holder.host &&
            holder.startedAt === this.holder.startedAt);
    }
}
/** Creates `file` with `text` only if it does not exist yet; false when it does. */
async function createExclusive(file, text, progressFile) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'wx');
    }
    catch (error) {
        const code = error.code;
        if (code === 'EEXIST')
            return false;
        throw new errors/* ProgressFileError */.E2(`cannot create the lock ${(0,log_text/* logText */.kc)(file)} beside progress-file ${(0,log_text/* logText */.kc)(progressFile)} (${code ?? error.message}). Nothing was sent.`);
    }
    try {
        await handle.writeFile(text);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    return true;
}


/***/ }),

/***/ 181:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ cannotPublish),
/* harmony export */   _: () => (/* binding */ keepLocally)
/* harmony export */ });
/** Progress kept on this machine only: dry runs, the terminal, a local try of the bundle. */
const keepLocally = {
    where: undefined,
    publish: () => Promise.resolve({ landed: true }),
    read: () => Promise.resolve({ read: true, progress: undefined }),
};
/** A run that must keep its progress beyond this machine but cannot: every publish says why. */
function cannotPublish(where, failure) {
    return {
        where,
        publish: () => Promise.resolve({ landed: false, failure }),
        read: () => Promise.resolve({ read: false, failure }),
    };
}


/***/ }),

/***/ 748:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HY: () => (/* binding */ journalPath),
/* harmony export */   gQ: () => (/* binding */ readProgress),
/* harmony export */   rE: () => (/* binding */ ProgressStore)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _atomic_write_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(364);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(916);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(529);
/* harmony import */ var _progress_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(709);
/* harmony import */ var _progress_file_format_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(210);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(414);








/** Saves (folds the journal into the JSON file) at least this often, so replays stay short. */
const FOLD_EVERY_CHANGES = 1_000;
function journalPath(progressFile) {
    return `${progressFile}.journal`;
}
async function readIfExists(file) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .namingInput */ .nm)('progress-file', 'read', file, error);
    }
}
/**
 * The journal's changes, each line checked like the file is: a torn last line (a crash
 * mid-append) is dropped; any other line that is not a change this tool writes stops the run,
 * naming its line, with the journal and the file left as they are (never half replayed).
 */
function parseJournal(text, file) {
    // The last piece is either empty (the file ends with a new line) or torn: drop it either way.
    const lines = text.split('\n').slice(0, -1);
    const changes = [];
    lines.forEach((line, index) => {
        if (line.trim() === '')
            return;
        const problem = (0,_progress_file_format_js__WEBPACK_IMPORTED_MODULE_5__/* .parseChange */ .q_)(line);
        if (typeof problem === 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProgressFileError */ .E2(`progress journal ${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_7__/* .logText */ .kc)(file)} line ${index + 1} ${problem}. The journal and the progress file were left as they are ` +
                `(${lines.length} lines in the journal, none replayed): fix or remove that line, then run again.`);
        }
        changes.push(problem);
    });
    return changes;
}
/**
 * Reads the progress file and replays its journal, for the receiver at `receiver` (a file that
 * records another stops the run: Progress.claimFor). Writes nothing (dry runs, pull-only).
 */
async function readProgress(progressFile, receiver) {
    const text = await readIfExists(progressFile);
    const progress = text === undefined ? new _progress_js__WEBPACK_IMPORTED_MODULE_6__/* .Progress */ .ke() : _progress_js__WEBPACK_IMPORTED_MODULE_6__/* .Progress */ .ke.parse(text, progressFile);
    const journal = await readIfExists(journalPath(progressFile));
    if (journal)
        for (const change of parseJournal(journal, journalPath(progressFile)))
            progress.apply(change);
    progress.claimFor(receiver, progressFile);
    return progress;
}
/**
 * This machine's copy of the progress: the file, its journal and its lock. A sync opens it to
 * write (open); a dry run only reads it (readOnly: no lock, nothing recorded or saved).
 *
 * Writing keeps progress durable at flat cost: each change is one appended, fsynced journal
 * line (a crash loses at most the delivery in flight); the JSON file is rewritten whole,
 * through a temporary file, fsync and rename, only when the journal is folded in.
 */
class ProgressStore {
    file;
    current;
    writing;
    changesSinceSave = 0;
    /** Every change this run made, for publishing on top of a file that moved on elsewhere. */
    changesThisRun = [];
    constructor(file, current, 
    /** What writing needs; undefined for a store that only reads. */
    writing) {
        this.file = file;
        this.current = current;
        this.writing = writing;
    }
    /**
     * Locks the file for this run (see ProgressLock), then reads it. Whatever fails after the
     * lock is taken releases it.
     */
    static async open(file, { region, receiver }, now) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
        const lock = await _progress_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .ProgressLock */ .z.acquire(file, new Date(now()));
        try {
            const progress = await readProgress(file, receiver);
            const journal = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(journalPath(file), 'a');
            const store = new ProgressStore(file, progress, { region, now, journal, lock });
            await store.save();
            return store;
        }
        catch (error) {
            await lock.release();
            throw error;
        }
    }
    /**
     * Reads the file without a lock (a dry run may run beside a sync): records nothing, saves
     * nothing. A damaged file still stops the run here, before any request.
     */
    static async readOnly(file, receiver) {
        return new ProgressStore(file, await readProgress(file, receiver), undefined);
    }
    /** The run whose lock this run took over, when that run had ended without releasing it. */
    get lockTakenOverFrom() {
        return this.writing?.lock.tookOverFrom;
    }
    get progress() {
        return this.current;
    }
    /**
     * Takes `merged` (this file's progress with a newer copy's applied, see mergeProgress) as the
     * progress from now on, and saves it. Only before this run records anything: its own changes
     * are what it publishes on top of the branch's.
     */
    async adopt(merged) {
        if (this.changesThisRun.length > 0)
            throw new Error('adopt() after this run recorded changes would lose them');
        this.current = merged;
        await this.save();
    }
    async record(change) {
        if (!this.writing)
            throw new Error('a dry run records nothing');
        this.progress.apply(change);
        this.changesThisRun.push(change);
        await this.writing.journal.appendFile((0,_progress_file_format_js__WEBPACK_IMPORTED_MODULE_5__/* .journalLine */ .Ee)(change));
        await this.writing.journal.datasync();
        if (++this.changesSinceSave >= FOLD_EVERY_CHANGES)
            await this.save();
    }
    /** Folds the journal into the JSON file. */
    async save() {
        if (!this.writing)
            return;
        const { region, now, journal } = this.writing;
        await (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Z)(this.file, this.progress.serialize(region, new Date(now())));
        // Only now is the journal redundant; a crash before this line replays it harmlessly.
        await journal.truncate(0);
        await journal.sync();
        this.changesSinceSave = 0;
    }
    /** Saves, removes the emptied journal and releases the lock (that, whatever failed before). */
    async close() {
        if (!this.writing)
            return;
        try {
            await this.save();
            await this.writing.journal.close();
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(journalPath(this.file), { force: true });
        }
        finally {
            await this.writing.lock.release();
        }
    }
}


/***/ }),

/***/ 414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ke: () => (/* binding */ Progress),
  wH: () => (/* reexport */ progress_file_format/* deliveryTime */.wH),
  T4: () => (/* reexport */ idKey),
  o$: () => (/* binding */ mergeProgress),
  iA: () => (/* reexport */ progress_file_format/* selectionKey */.iA)
});

// UNUSED EXPORTS: MAX_ERRORS_KEPT, parseChange

// EXTERNAL MODULE: ./src/progress/earlier-tool-keys.ts
var earlier_tool_keys = __nccwpck_require__(111);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
;// CONCATENATED MODULE: ./src/progress/delivered-tickets.ts
/**
 * Vivenu's ids are MongoDB ObjectIds, 24 hex digits, which MongoDB writes in lower case
 * (mongodb.com/docs/manual/reference/method/ObjectId.valueOf: "a lowercase hexadecimal
 * string"); `event-id` is lower-cased when read. Ids typed or copied into an earlier tool's
 * file in upper case are the same ids: they are matched in lower case, and kept as written.
 */
function idKey(id) {
    return id.toLowerCase();
}
/**
 * The tickets delivered to one receiver, per event (keyed by idKey of the event id), and which
 * event each ticket was first recorded under: a ticket Vivenu moved to another event since is
 * still known as delivered.
 */
class DeliveredTickets {
    byEvent = new Map();
    firstEvent = new Map();
    /**
     * Adds a delivered ticket under the event: `new` for a ticket never recorded anywhere,
     * `added` for one recorded under another event only, `known` when the event has it already.
     * A time fills in a time not known yet (a merge of a file from before `sent_at`), and never
     * replaces one: the first acceptance is when the ticket was delivered.
     */
    add(eventKey, ticketId, at) {
        let event = this.byEvent.get(eventKey);
        if (!event)
            this.byEvent.set(eventKey, (event = { ids: [], lookup: new Set(), at: new Map() }));
        const ticketKey = idKey(ticketId);
        if (at !== undefined && !event.at.has(ticketKey))
            event.at.set(ticketKey, at);
        if (event.lookup.has(ticketKey))
            return 'known';
        event.lookup.add(ticketKey);
        event.ids.push(ticketId);
        if (this.firstEvent.has(ticketKey))
            return 'added';
        this.firstEvent.set(ticketKey, eventKey);
        return 'new';
    }
    has(eventKey, ticketId) {
        return this.byEvent.get(eventKey)?.lookup.has(idKey(ticketId)) ?? false;
    }
    ids(eventKey) {
        return this.byEvent.get(eventKey)?.ids ?? [];
    }
    at(eventKey, ticketId) {
        return this.byEvent.get(eventKey)?.at.get(idKey(ticketId));
    }
    /** The event (idKey) the ticket was first recorded under, if it was delivered at all. */
    eventOf(ticketId) {
        return this.firstEvent.get(idKey(ticketId));
    }
    eventKeys() {
        return this.byEvent.keys();
    }
    /** Every id under every event, counted once per event. */
    get size() {
        return [...this.byEvent.values()].reduce((sum, event) => sum + event.ids.length, 0);
    }
    /** The event's delivered tickets in delivery order, each with when it was accepted, where known. */
    deliveries(eventKey) {
        const event = this.byEvent.get(eventKey);
        return (event?.ids ?? []).map((id) => ({ id, at: event?.at.get(idKey(id)) }));
    }
}

;// CONCATENATED MODULE: ./src/progress/event-records.ts

/**
 * What a progress file keeps per event (keyed by idKey of the event id) beside its delivered
 * ids: the selections other than the earlier tool's it was completed for (`completed_for`),
 * and the tickets redeliver mode sent again (`redelivered`). Both only ever grow.
 */
class EventRecords {
    completions = new Map();
    redelivered = new Map();
    markComplete(eventKey, selection) {
        this.completions.set(eventKey, (this.completions.get(eventKey) ?? new Set()).add(selection));
    }
    isCompleteFor(eventKey, selection) {
        return this.completions.get(eventKey)?.has(selection) ?? false;
    }
    /** Kept once per ticket and time: a journal replayed, or a merge, adds nothing twice. */
    addRedelivery(eventKey, record) {
        const records = this.redelivered.get(eventKey) ?? [];
        if (!records.some((r) => idKey(r.id) === idKey(record.id) && r.at === record.at))
            records.push(record);
        this.redelivered.set(eventKey, records);
    }
    lastRedelivery(eventKey, ticketId) {
        return (this.redelivered.get(eventKey) ?? []).findLast((r) => idKey(r.id) === idKey(ticketId));
    }
    eventKeys() {
        return [...new Set([...this.completions.keys(), ...this.redelivered.keys()])];
    }
    /** Everything held, counted: changes only add, so equal counts mean equal records. */
    get size() {
        let size = 0;
        for (const selections of this.completions.values())
            size += selections.size;
        for (const records of this.redelivered.values())
            size += records.length;
        return size;
    }
    /** The selections (selectionKey) the event is complete for, in the order first recorded. */
    completedFor(eventKey) {
        return [...(this.completions.get(eventKey) ?? [])];
    }
    /** The event's redeliveries, in the order recorded. */
    redeliveries(eventKey) {
        return this.redelivered.get(eventKey) ?? [];
    }
    /** Everything held, as the changes that would build it; `spelling` gives each event's id as written. */
    changes(spelling) {
        return [
            ...[...this.completions].flatMap(([key, selections]) => [...selections].map((selection) => ({
                t: 'processed',
                e: spelling(key),
                for: selection,
            }))),
            ...[...this.redelivered].flatMap(([key, records]) => records.map((r) => ({ t: 'redelivered', e: spelling(key), ...r }))),
        ];
    }
}

// EXTERNAL MODULE: ./src/progress/progress-file-format.ts + 1 modules
var progress_file_format = __nccwpck_require__(210);
;// CONCATENATED MODULE: ./src/progress/progress.ts





// Ids are matched as Progress matches them: whoever compares ids with it uses the same key.

// The file format's words, importable with the progress they describe (one import for callers).

/** Errors kept in the file; older ones are dropped, `errors_total` keeps counting. */
const MAX_ERRORS_KEPT = 500;
/**
 * What has been delivered to one receiver, per region: the earlier Python tool's fields (`events_processed`,
 * `tickets_sent`, `errors`, `last_run`, and per event its six keys, see earlier-tool-keys.ts)
 * plus the delivered ticket ids per event, so any later run, ours or the earlier tool's,
 * continues exactly. Pure: reading and writing files is the store's job.
 */
class Progress {
    eventsProcessed = [];
    ticketsSent = 0;
    errors = [];
    errorsTotal = 0;
    lastRun = null;
    /**
     * The receiver these deliveries went to (origin and path), from the file or this run; a file
     * written before it was recorded has none (see claimFor).
     */
    receiver;
    /**
     * The file recorded deliveries but no receiver (written before receivers were kept apart),
     * and claimFor took them as this receiver's: said once, as they may have gone elsewhere.
     */
    receiverAssumed = false;
    /** The delivered tickets per event (keyed by idKey of the event id). */
    sent = new DeliveredTickets();
    /** Per event, the selections (other than the earlier tool's) it is complete for, its redeliveries. */
    records = new EventRecords();
    /** Each event's id as first written in the file (an earlier tool's may be upper case). */
    eventSpelling = new Map();
    /** Fields this tool does not know (an earlier tool's, a newer version's), kept as they were. */
    unknownFields = {};
    unknownEventFields = new Map();
    /** The earlier tool's keys per event as the file had them (see earlier-tool-keys.ts). */
    earlierRead = new Map();
    /** How many ids each event had in the file, to tell what was delivered since. */
    sentAtRead = new Map();
    /** The eligible list of each event pulled (and trusted) this run, oldest first. */
    eligibleNow = new Map();
    /** The progress a file holds (see progress-file-format.ts for how it is read). */
    static parse(text, file) {
        const contents = (0,progress_file_format/* readProgressFile */.cv)(text, file);
        const progress = new Progress();
        for (const eventId of contents.eventsProcessed)
            progress.apply({ t: 'processed', e: eventId });
        for (const event of contents.events)
            progress.takeEvent(event);
        // The file's count, not the ids' (applying them counted them again): an earlier tool's file
        // may count tickets it kept no id for.
        progress.ticketsSent = contents.ticketsSent;
        progress.errors = contents.errors.slice(-MAX_ERRORS_KEPT);
        progress.errorsTotal = contents.errorsTotal;
        progress.lastRun = contents.lastRun;
        progress.receiver = contents.receiver;
        progress.unknownFields = contents.unknownFields;
        for (const key of progress.sent.eventKeys())
            progress.sentAtRead.set(key, progress.sent.ids(key).length);
        return progress;
    }
    /**
     * One event entry of a file. An event spelled twice (upper and lower case) is one event: its
     * second entry adds to the first.
     */
    takeEvent(event) {
        const { id: e } = event;
        const key = this.spell(e);
        this.earlierRead.set(key, { ...this.earlierRead.get(key), ...event.earlierKeys });
        this.unknownEventFields.set(key, {
            ...this.unknownEventFields.get(key),
            ...event.unknownFields,
        });
        for (const { id, at } of event.delivered)
            this.apply({ t: 'sent', e, id, at });
        for (const selection of event.completedFor)
            this.apply({ t: 'processed', e, for: selection });
        for (const record of event.redelivered)
            this.apply({ t: 'redelivered', e, ...record });
    }
    /**
     * Takes these deliveries as made to the receiver at `address`: a file that records another
     * receiver stops the run (ProgressFileError) before any request, so a sync to one receiver
     * never makes another skip its tickets. A file with none (written before receivers were
     * recorded) is taken as this receiver's, and says so from its next save.
     */
    claimFor(address, file) {
        if (this.receiver !== undefined && this.receiver !== address) {
            throw new errors/* ProgressFileError */.E2(`progress file ${file} records deliveries to the receiver at ${this.receiver}, and this run delivers to ${address}. ` +
                'It was left as it is: leave progress-file empty (each receiver keeps its own file), or name the file of this receiver.');
        }
        if (this.receiver === undefined && this.ticketsSent > 0)
            this.receiverAssumed = true;
        this.receiver = address;
    }
    isSent(eventId, ticketId) {
        return this.sent.has(idKey(eventId), ticketId);
    }
    /**
     * Whether the ticket reached this receiver: under this event, or else under another event it
     * was listed in before it moved here (a ticket's delivery id is its own, whatever its event).
     */
    delivery(eventId, ticketId) {
        const eventKey = this.isSent(eventId, ticketId) ? idKey(eventId) : this.sent.eventOf(ticketId);
        if (eventKey === undefined)
            return undefined;
        const at = this.sent.at(eventKey, ticketId);
        return { eventId: this.eventSpelling.get(eventKey) ?? eventKey, at };
    }
    sentIds(eventId) {
        return this.sent.ids(idKey(eventId));
    }
    /** When the receiver accepted the ticket (ISO time), or undefined when not sent or not known. */
    sentAt(eventId, ticketId) {
        return this.sent.at(idKey(eventId), ticketId);
    }
    /**
     * The event's eligible tickets as this run pulled them: the earlier tool's keys are then
     * computed from them. Only for a pull Vivenu's `total` vouched for: from a list missing
     * tickets, `completed` could tell the earlier tool to skip the event with tickets unsent.
     */
    noteEligible(eventId, eligible) {
        this.eligibleNow.set(this.spell(eventId), eligible.map((ticket) => ticket._id));
    }
    /** The earlier tool's keys for the event, as the file will have them. */
    earlierToolKeys(eventId) {
        const key = idKey(eventId);
        const sentEver = this.sentIds(key).length;
        const eligible = this.eligibleNow.get(key);
        const batches = this.batchesCompleted(key);
        if (eligible)
            return (0,earlier_tool_keys/* keysFromEligible */.OG)(eligible, (id) => this.isSent(key, id), sentEver, batches);
        return (0,earlier_tool_keys/* keysFromFile */.jm)(this.earlierRead.get(key) ?? {}, {
            sentEver,
            sentSinceRead: sentEver - (this.sentAtRead.get(key) ?? 0),
            processed: this.isProcessed(key),
            batches,
        });
    }
    /**
     * After `local`'s changes were applied to this (published) progress: takes over what only
     * `local` knows, so the merged keys are computed from the merged sent ids, not copied from
     * either side. The eligible lists `local` pulled win; for events neither pulled, the counts
     * are the published ones brought up to date with the merged ids.
     */
    foldInKnowledgeOf(local) {
        this.receiver ??= local.receiver;
        for (const key of new Set([...this.sent.eventKeys(), ...this.earlierRead.keys()])) {
            const merged = this.earlierToolKeys(key);
            this.earlierRead.set(key, {
                ...merged,
                batches_completed: (this.earlierRead.get(key)?.batches_completed ?? 0) +
                    (this.countsBatchOf(local, key) ? 1 : 0),
            });
            this.sentAtRead.set(key, this.sentIds(key).length);
        }
        for (const [key, eligible] of local.eligibleNow) {
            this.spell(local.eventSpelling.get(key) ?? key);
            this.eligibleNow.set(key, eligible);
        }
    }
    /**
     * Whether `local`'s run adds a batch to this published count: it delivered to the event,
     * and its first delivery is not in the published file yet (when it is, an earlier commit of
     * the same run already counted it: a run counts once, however often it publishes). Decided:
     * a concurrent run that delivered that same ticket too makes this count one run short.
     */
    countsBatchOf(local, key) {
        const firstThisRun = local.sentIds(key)[local.sentAtRead.get(key) ?? 0];
        if (firstThisRun === undefined)
            return false;
        const publishedIds = this.sentIds(key).slice(0, this.sentAtRead.get(key) ?? 0);
        return !publishedIds.some((id) => idKey(id) === idKey(firstThisRun));
    }
    /** Everything this progress holds, as the changes that would build it. */
    changes() {
        return [
            ...[...this.sent.eventKeys()].flatMap((key) => this.sent.deliveries(key).map(({ id, at }) => {
                const e = this.eventSpelling.get(key);
                return at === undefined ? { t: 'sent', e, id } : { t: 'sent', e, id, at };
            })),
            ...this.eventsProcessed.map((eventId) => ({ t: 'processed', e: eventId })),
            ...this.records.changes((key) => this.eventSpelling.get(key)),
            ...this.errors.map((error) => ({ t: 'error', error })),
        ];
    }
    /** Changes only ever add, so equal counts mean equal progress. */
    fingerprint() {
        return `${this.ticketsSent}/${this.sent.size}/${this.eventsProcessed.length}/${this.records.size}/${this.errorsTotal}`;
    }
    /** The ticket's last redelivery (redeliver mode), if it had one. */
    lastRedelivery(eventId, ticketId) {
        return this.records.lastRedelivery(idKey(eventId), ticketId);
    }
    isProcessed(eventId) {
        const key = idKey(eventId);
        return this.eventsProcessed.some((processed) => idKey(processed) === key);
    }
    /**
     * Whether every eligible ticket of the event was delivered for this selection (a
     * selectionKey): the earlier tool's is `events_processed`; any other is recorded apart.
     */
    isCompleteFor(eventId, selection) {
        if (selection === earlier_tool_keys/* EARLIER_TOOL_SELECTION */.DG)
            return this.isProcessed(eventId);
        return this.records.isCompleteFor(idKey(eventId), selection);
    }
    /** Applies one change. Applying the same change twice changes nothing (journal replays). */
    apply(change) {
        switch (change.t) {
            case 'sent':
                // Counted once per ticket, whatever events it was recorded under.
                if (this.sent.add(this.spell(change.e), change.id, change.at) === 'new')
                    this.ticketsSent++;
                return;
            case 'processed': {
                const selection = change.for ?? earlier_tool_keys/* EARLIER_TOOL_SELECTION */.DG;
                if (selection !== earlier_tool_keys/* EARLIER_TOOL_SELECTION */.DG) {
                    const key = this.spell(change.e);
                    this.records.markComplete(key, selection);
                }
                else if (!this.isProcessed(change.e))
                    this.eventsProcessed.push(change.e);
                return;
            }
            case 'redelivered': {
                const { id, at, status } = change;
                this.records.addRedelivery(this.spell(change.e), { id, at, status });
                return;
            }
            case 'error': {
                const { error } = change;
                const seen = this.errors.some((e) => e.ticket_id === error.ticket_id &&
                    e.timestamp === error.timestamp &&
                    e.event_id === error.event_id);
                if (seen)
                    return;
                this.errors.push(error);
                if (this.errors.length > MAX_ERRORS_KEPT)
                    this.errors.splice(0, this.errors.length - MAX_ERRORS_KEPT);
                this.errorsTotal++;
                return;
            }
        }
    }
    /** The file's text, as of `now` (progress-file-format.ts lays it out). */
    serialize(region, now) {
        this.lastRun = now.toISOString();
        return (0,progress_file_format/* progressFileText */.Dm)(this.fileContents(), region);
    }
    /** What the file is written from: every event the file had, delivered to, pulled or records. */
    fileContents() {
        const eventKeys = new Set([
            ...this.unknownEventFields.keys(),
            ...this.sent.eventKeys(),
            ...this.eligibleNow.keys(),
            ...this.records.eventKeys(),
        ]);
        return {
            receiver: this.receiver,
            eventsProcessed: this.eventsProcessed,
            ticketsSent: this.ticketsSent,
            errors: this.errors,
            errorsTotal: this.errorsTotal,
            lastRun: this.lastRun,
            unknownFields: this.unknownFields,
            events: [...eventKeys].map((key) => ({
                id: this.eventSpelling.get(key),
                earlierKeys: this.earlierToolKeys(key),
                delivered: this.sent.deliveries(key),
                completedFor: this.records.completedFor(key),
                redelivered: this.records.redeliveries(key),
                unknownFields: this.unknownEventFields.get(key) ?? {},
            })),
        };
    }
    /** Runs that delivered to the event: the file's count, and this run once it delivered. */
    batchesCompleted(key) {
        const deliveredSinceRead = this.sentIds(key).length > (this.sentAtRead.get(key) ?? 0);
        return (this.earlierRead.get(key)?.batches_completed ?? 0) + (deliveredSinceRead ? 1 : 0);
    }
    /** The key an event is kept under; the first spelling seen is the one written back. */
    spell(eventId) {
        const key = idKey(eventId);
        if (!this.eventSpelling.has(key))
            this.eventSpelling.set(key, eventId);
        return key;
    }
}
/**
 * What to publish when the file may have moved on elsewhere (a concurrent run's commit, or
 * this machine's deliveries that a killed run never committed): the published file with
 * everything this machine knows applied on top. Applying is idempotent, so every delivered
 * ticket, processed event and error is kept once, and `tickets_sent` is the published total
 * plus the delivered tickets it did not have yet.
 */
function mergeProgress(published, local) {
    if (!published)
        return local;
    // The published copy must be this receiver's too: merging another's would skip its tickets.
    if (local.receiver !== undefined)
        published.claimFor(local.receiver, 'on the branch');
    for (const change of local.changes())
        published.apply(change);
    published.foldInKnowledgeOf(local);
    return published;
}


/***/ }),

/***/ 876:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Db: () => (/* binding */ defaultVivenuOrigin),
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   QZ: () => (/* binding */ TICKET_STATUSES),
/* harmony export */   b2: () => (/* binding */ WEBHOOK_TARGETS),
/* harmony export */   d3: () => (/* binding */ readsStaging),
/* harmony export */   dW: () => (/* binding */ TARGETS)
/* harmony export */ });
/**
 * The values the inputs' choices allow, and the defaults that are not one literal: the
 * receiver's endpoint by target, Vivenu's host by region. Plain values, so the table
 * (inputs.ts), the run and the tests share them; each input's literal default is the table's.
 */
const MODES = ['sync', 'test', 'pull-only', 'redeliver'];
const TARGETS = ['test', 'prod'];
const TICKET_STATUSES = [
    'VALID',
    'INVALID',
    'RESERVED',
    'DETAILSREQUIRED',
    'BLANK',
];
/** The receiver's two endpoints: the test one answers like production but changes nothing real. */
const WEBHOOK_TARGETS = {
    test: 'https://vivenu-filter.high-impact-athletes.workers.dev/test-created',
    prod: 'https://vivenu-filter.high-impact-athletes.workers.dev/ticket-created',
};
/** Regions whose tickets live on Vivenu's staging host. */
const STAGING_REGIONS = new Set(['DEV', 'TEST']);
const STAGING_HOST = 'vivenu.dev';
function defaultVivenuOrigin(region) {
    return STAGING_REGIONS.has(region) ? `https://${STAGING_HOST}` : 'https://vivenu.com';
}
/**
 * Whether the run reads staging tickets: a staging region (its key is a staging account's,
 * wherever `vivenu-url` points), or Vivenu's staging host. Staging tickets may go to the
 * production receiver (the earlier tool sent DEV tickets there), but never unremarked.
 */
function readsStaging(region, vivenuOrigin) {
    const host = new URL(vivenuOrigin).hostname;
    return STAGING_REGIONS.has(region) || host === STAGING_HOST || host.endsWith(`.${STAGING_HOST}`);
}


/***/ }),

/***/ 780:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HM: () => (/* binding */ defaultProgressFile),
/* harmony export */   NA: () => (/* binding */ ledgerFileName),
/* harmony export */   Zc: () => (/* binding */ receiverAt)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(529);
/* harmony import */ var _input_defaults_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(876);



/** Hex digits of the address's SHA-256 in a custom receiver's file names: 48 bits. */
const CUSTOM_TAG_HEX = 12;
function receiverAt(webhookUrl) {
    const address = (0,_log_text_js__WEBPACK_IMPORTED_MODULE_2__/* .urlForDisplay */ .Bo)(webhookUrl);
    if (address === (0,_log_text_js__WEBPACK_IMPORTED_MODULE_2__/* .urlForDisplay */ .Bo)(_input_defaults_js__WEBPACK_IMPORTED_MODULE_1__/* .WEBHOOK_TARGETS */ .b2.prod))
        return { kind: 'production', address, fileTag: '' };
    if (address === (0,_log_text_js__WEBPACK_IMPORTED_MODULE_2__/* .urlForDisplay */ .Bo)(_input_defaults_js__WEBPACK_IMPORTED_MODULE_1__/* .WEBHOOK_TARGETS */ .b2.test))
        return { kind: 'test', address, fileTag: '.test-receiver' };
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(address).digest('hex').slice(0, CUSTOM_TAG_HEX);
    return { kind: 'custom', address, fileTag: `.receiver-${hash}` };
}
/** The receiver's progress file for a region: `historical_sync_progress_PROD.test-receiver.json`. */
function defaultProgressFile(region, receiver) {
    return `historical_sync_progress_${region}${receiver.fileTag}.json`;
}
/** The receiver's ledger in each event's folder: `delivery-ledger.test-receiver.csv`. */
function ledgerFileName(receiver) {
    return `delivery-ledger${receiver.fileTag}.csv`;
}


/***/ }),

/***/ 712:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qh: () => (/* reexport */ INPUT_NAMES),
  pH: () => (/* reexport */ SECRET_INPUTS),
  fY: () => (/* binding */ keepsProgressOnBranch),
  NA: () => (/* reexport */ settings_receiver/* ledgerFileName */.NA),
  P$: () => (/* binding */ parseSettings)
});

// UNUSED EXPORTS: INPUTS, INPUT_DEFAULTS, INPUT_SPECS, MODES, TARGETS, TICKET_STATUSES, WEBHOOK_TARGETS, defaultProgressFile, defaultVivenuOrigin, eventIdOf, receiverAt, recordsDeliveries

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
// EXTERNAL MODULE: ./src/settings/input-defaults.ts
var input_defaults = __nccwpck_require__(876);
// EXTERNAL MODULE: ./src/settings/receiver.ts
var settings_receiver = __nccwpck_require__(780);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __nccwpck_require__(532);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __nccwpck_require__(691);
;// CONCATENATED MODULE: ./src/settings/input-checks.ts



/** A value as shown in an error: quoted, escaped, and short. Never used for secrets. */
function shown(value) {
    const quoted = JSON.stringify(value);
    return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
}
const problem = (ctx, message) => {
    ctx.addIssue({ code: 'custom', message });
    return core/* NEVER */.tm;
};
const region = schemas/* string */.YjP().transform((value, ctx) => {
    const trimmed = value.trim();
    if (trimmed === '')
        return problem(ctx, 'region is required (for example PROD or DEV)');
    if (!/^[A-Za-z0-9_]{1,32}$/.test(trimmed)) {
        return problem(ctx, `region ${shown(value)} must be 1 to 32 letters, digits or _ (for example PROD)`);
    }
    return trimmed.toUpperCase();
});
const EVENT_ID = /^[0-9a-f]{24}$/i;
/** A 24-hex id standing alone in a path segment, or at the end of a slug ("name-<id>"). */
const EVENT_ID_IN_PATH = /(?:^|[^0-9a-z])([0-9a-f]{24})(?=$|[^0-9a-z])/gi;
/**
 * The event id in one `event-id` entry: the id itself, or a URL whose path holds it, as operators
 * copy it from the browser (the dashboard's event pages, `dashboard.vivenu.com/events/<id>/...`,
 * the way its ticket pages are `dashboard.vivenu.com/tickets/<id>` in public code found with the
 * search tool; or a shop page whose path ends in the id). Only the path counts: an id in a query
 * may be anything (a shop, a filter). Public shop links `vivenu.com/event/<name>-<code>` carry a
 * 6-character code, not the id, so they are refused with a way out.
 */
function eventIdOf(entry) {
    if (EVENT_ID.test(entry))
        return { id: entry.toLowerCase() };
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry);
    // A host name then a path ("dashboard.vivenu.com/events/..."), as a browser's address bar copies it.
    const hasHost = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\//i.test(entry);
    if (!hasScheme && !hasHost) {
        return {
            problem: `event-id ${shown(entry)} is not a 24-character hex id`,
        };
    }
    const text = hasScheme ? entry : `https://${entry}`;
    // Checked before anything echoes the value, so a password in it is never shown.
    if (/^[^/?#]*\/\/[^/?#]*@/.test(text))
        return { problem: 'event-id must not contain credentials' };
    if (!URL.canParse(text))
        return { problem: `event-id ${shown(entry)} is not a URL` };
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return { problem: `event-id ${shown(entry)} must be an id, or a URL starting with https://` };
    }
    const ids = [
        ...new Set([...url.pathname.matchAll(EVENT_ID_IN_PATH)].map((match) => match[1].toLowerCase())),
    ];
    if (ids.length === 1)
        return { id: ids[0] };
    if (ids.length === 0) {
        return {
            problem: `event-id ${shown(entry)} holds no 24-character hex event id in its path: copy the event's page ` +
                `in the Vivenu dashboard (dashboard.vivenu.com/events/<id>), or the id itself (a shop link ` +
                `vivenu.com/event/<name>-<code> carries a short code, not the id)`,
        };
    }
    return {
        problem: `event-id ${shown(entry)} holds ${ids.length} different event ids in its path (${ids.join(', ')}): give the one meant, by itself`,
    };
}
const eventIds = schemas/* string */.YjP().transform((value, ctx) => {
    const entries = value.split(/[\s,]+/).filter(Boolean);
    if (entries.length === 0)
        return problem(ctx, 'event-id is required: one or more 24-character hex ids, or Vivenu URLs that hold them');
    const found = entries.map(eventIdOf);
    for (const result of found)
        if ('problem' in result)
            problem(ctx, result.problem);
    if (found.some((result) => 'problem' in result))
        return core/* NEVER */.tm;
    return [...new Set(found.map((result) => result.id))];
});
function apiKey({ rawRegion }) {
    const region = rawRegion.trim();
    const secret = /^[A-Za-z0-9_]{1,32}$/.test(region)
        ? `${region.toUpperCase()}_API`
        : '<REGION>_API';
    return schemas/* string */.YjP().transform((value, ctx) => {
        const key = value.trim();
        if (key === '')
            return problem(ctx, `api-key is empty: set it to the region's Vivenu API key (repository secret ${secret})`);
        // Never echo a key, even a malformed one.
        // eslint-disable-next-line no-control-regex -- control characters are what this rejects
        if (/[\s\u0000-\u001f\u007f]/.test(key))
            return problem(ctx, 'api-key contains spaces or control characters');
        return key;
    });
}
/** An http(s) URL, or undefined when empty (the run's own default then). */
const httpUrl = (example) => ({ name: input }) => schemas/* string */.YjP().transform((value, ctx) => {
    const text = value.trim();
    if (text === '')
        return undefined;
    // Checked before anything echoes the value, so a password in it is never shown.
    if (/^[^/?#]*\/\/[^/?#]*@/.test(text))
        return problem(ctx, `${input} must not contain credentials`);
    // The URL parser would quietly drop a tab or new line inside: refuse instead of guessing.
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    if (/[\u0000-\u001f\u007f]/.test(text))
        return problem(ctx, `${input} ${shown(value)} contains control characters`);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return problem(ctx, `${input} ${shown(value)} is not a URL (for example ${example})`);
    }
    if (url.username || url.password)
        return problem(ctx, `${input} must not contain credentials`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return problem(ctx, `${input} ${shown(value)} must start with https:// or http://`);
    }
    return url;
});
const choice = (options) => ({ name: input, fallback }) => schemas/* string */.YjP().transform((value, ctx) => {
    const chosen = value.trim().toLowerCase() || fallback;
    if (!options.includes(chosen)) {
        return problem(ctx, `${input} ${shown(value)} is not one of ${options.join(', ')}`);
    }
    return chosen;
});
/** YAML 1.2's booleans, as `core.getBooleanInput` reads them. */
const input_checks_boolean = ({ name: input, fallback }) => schemas/* string */.YjP().transform((value, ctx) => {
    const text = value.trim() || fallback;
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    return problem(ctx, `${input} ${shown(value)} must be true or false`);
});
const decimal = (min, max, minExclusive = false) => ({ name: input, fallback }) => schemas/* string */.YjP().transform((value, ctx) => {
    const text = value.trim() || fallback;
    const number = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    const aboveMin = minExclusive ? number > min : number >= min;
    if (!(aboveMin && number <= max)) {
        const range = minExclusive ? `above ${min} and at most ${max}` : `from ${min} to ${max}`;
        return problem(ctx, `${input} ${shown(value)} must be a number ${range} (decimals allowed)`);
    }
    return number;
});
const statuses = ({ fallback }) => schemas/* string */.YjP().transform((value, ctx) => {
    const list = (value.trim() || fallback)
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((status) => status.toUpperCase());
    const unknown = list.filter((status) => !input_defaults/* TICKET_STATUSES */.QZ.includes(status));
    for (const status of unknown) {
        problem(ctx, `statuses ${shown(status)} is not a Vivenu ticket status (${input_defaults/* TICKET_STATUSES */.QZ.join(', ')})`);
    }
    return unknown.length > 0 ? core/* NEVER */.tm : [...new Set(list)];
});
const nameContains = ({ fallback }) => schemas/* string */.YjP().transform((value, ctx) => {
    const text = value.trim() || fallback;
    if (text.length > 100)
        return problem(ctx, `name-contains ${shown(value)} must be at most 100 characters`);
    return text;
});
/** No cutoff, even where a repository variable would set one (the form's default). */
const NO_CUTOFF = 'none';
/**
 * `sold-before`: an ISO 8601 date (`2025-07-29`, midnight UTC) or date and time
 * (`2025-07-29T15:30`, `…:00Z`, `…+02:00`; UTC when no zone is given), or `none`. A date that
 * does not exist (`2025-02-30`) is refused rather than rolled over.
 */
const soldBefore = schemas/* string */.YjP().transform((value, ctx) => {
    const text = value.trim();
    if (text === '' || text.toLowerCase() === NO_CUTOFF)
        return undefined;
    const match = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)?)?$/i.exec(text);
    const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = ''] = match ?? [];
    const zone = match?.[8] ?? 'Z';
    const ms = match
        ? Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${zone}`)
        : Number.NaN;
    // Date.parse rolls 2025-02-30 over to March: the date must come back as written.
    const local = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    const exists = match !== null &&
        local.getUTCMonth() === Number(month) - 1 &&
        local.getUTCDate() === Number(day) &&
        Number(hour) < 24 &&
        Number(minute) < 60 &&
        Number(second) < 60;
    if (!Number.isFinite(ms) || !exists) {
        return problem(ctx, `sold-before ${shown(value)} is not a date (2025-07-29) or date and time (2025-07-29T15:30, UTC unless a zone such as +02:00 is given), nor ${NO_CUTOFF}`);
    }
    return { ms, iso: new Date(ms).toISOString() };
});
/** Every ticket of the events whose last delivery failed (the ledger's `failed`). */
const FAILED_TICKETS = 'failed';
const TICKET_ID = /^[0-9a-f]{24}$/i;
/**
 * `ticket-ids` (redeliver mode): ticket `_id`s, 24 hex characters each (Vivenu's ids are
 * MongoDB ObjectIds), separated by commas, spaces or new lines; or `failed`. Lower-cased, as
 * the progress file matches ids.
 */
const ticketIds = schemas/* string */.YjP().transform((value, ctx) => {
    const entries = value.split(/[\s,]+/).filter(Boolean);
    if (entries.length === 1 && entries[0].toLowerCase() === FAILED_TICKETS)
        return FAILED_TICKETS;
    const bad = entries.filter((entry) => !TICKET_ID.test(entry));
    for (const entry of bad.slice(0, 5))
        problem(ctx, `ticket-ids ${shown(entry)} is not a ticket _id (24 hex characters, as in the ledger), nor ${FAILED_TICKETS}`);
    if (bad.length > 0)
        return core/* NEVER */.tm;
    return [...new Set(entries.map((entry) => entry.toLowerCase()))];
});
const wholeNumber = (min, max) => ({ name: input, fallback }) => schemas/* string */.YjP().transform((value, ctx) => {
    const text = value.trim() || fallback;
    const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(number >= min && number <= max)) {
        return problem(ctx, `${input} ${shown(value)} must be a whole number from ${min} to ${max}`);
    }
    return number;
});
/** A path inside the workspace, resolved; undefined when empty (the run's own default then). */
const fileInside = ({ name: input, workspace }) => schemas/* string */.YjP().transform((value, ctx) => {
    const text = value.trim();
    if (text === '')
        return undefined;
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    if (/[\u0000-\u001f\u007f]/.test(text))
        return problem(ctx, `${input} ${shown(value)} contains control characters`);
    const resolved = external_node_path_default().resolve(workspace, text);
    const relative = external_node_path_default().relative(workspace, resolved);
    const escapes = relative === '..' || relative.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(relative);
    if (relative === '' || escapes) {
        return problem(ctx, `${input} ${shown(value)} must be inside the workspace (${workspace})`);
    }
    return resolved;
});
/** Any text, trimmed: a secret pasted with a trailing new line would sign every body wrongly. */
const trimmed = schemas/* string */.YjP().transform((value) => value.trim());

// EXTERNAL MODULE: ./src/vivenu/vivenu-client.ts + 1 modules
var vivenu_client = __nccwpck_require__(633);
;// CONCATENATED MODULE: ./src/settings/inputs.ts



const flag = (arg, help, terminalDefault) => terminalDefault === undefined
    ? { kind: 'value', arg, help }
    : { kind: 'value', arg, help, terminalDefault };
const switchFlag = (help) => ({ kind: 'switch', help });
const fromCommand = (from) => ({ kind: 'command', from });
const fixed = (value, why) => ({ kind: 'fixed', value, why });
const absent = (why) => ({ kind: 'absent', why });
/** A terminal has no 6-hour job limit: the time budget is off unless asked for. */
const NO_TIME_LIMIT_MINUTES = '100000';
/** The table, in action.yml's order (what GitHub shows, and the order of `--help`'s options). */
const INPUTS = {
    region: {
        description: 'Vivenu region: letters, digits or _, up to 32 (case-insensitive). DEV and TEST use ' +
            'https://vivenu.dev, every other region https://vivenu.com.',
        required: true,
        check: () => region,
        terminal: fromCommand('the first word after the command'),
    },
    'event-id': {
        description: 'One or more 24-character hex Vivenu event ids, separated by commas, spaces or new lines; ' +
            'processed in the order given. Each may also be a Vivenu URL holding the id in its path, ' +
            'as copied from the browser (https://dashboard.vivenu.com/events/<id>).',
        required: true,
        check: () => eventIds,
        terminal: fromCommand('the words after the region'),
    },
    'api-key': {
        description: "The region's Vivenu API key (secret <REGION>_API). Never printed.",
        required: true,
        check: apiKey,
        secret: true,
        terminal: fromCommand('<REGION>_API in the environment or .env'),
    },
    mode: {
        description: 'sync (pull, select, deliver, record), test (one delivery), pull-only, or redeliver ' +
            '(send ticket-ids again).',
        default: 'sync',
        check: choice(input_defaults/* MODES */.FN),
        terminal: fromCommand('the command: sync, pull, --test or redeliver'),
    },
    'vivenu-url': {
        description: "Origin of the Vivenu API, overriding the region's default host.",
        default: '',
        check: httpUrl('https://vivenu.com'),
        terminal: flag('URL', 'Vivenu API origin (default: by region)'),
    },
    'page-size': {
        description: `Tickets asked for in the first request, 1 to ${vivenu_client/* MAX_PAGE_SIZE */.H4}; later requests ask for ` +
            `more (up to ${vivenu_client/* MAX_PAGE_SIZE */.H4}) while Vivenu answers fast, and fewer on 503s or slow pages.`,
        default: '100',
        check: wholeNumber(1, vivenu_client/* MAX_PAGE_SIZE */.H4),
        terminal: flag('N', `tickets in the first request, 1-${vivenu_client/* MAX_PAGE_SIZE */.H4} (default {default}; grows)`),
    },
    'pull-concurrency': {
        description: 'Requests to Vivenu in flight at once while pulling, 1 to 8 (one at a time after a 429).',
        default: '2',
        check: wholeNumber(1, 8),
        terminal: flag('N', 'requests to Vivenu in flight, 1-8 (default {default})'),
    },
    'tickets-dir': {
        description: 'Folder for the pulled tickets, inside the workspace.',
        default: 'purchased_tickets',
        check: fileInside,
        terminal: flag('DIR', 'folder for the pulled tickets (default {default})'),
    },
    target: {
        description: 'Receiver endpoint: test (/test-created) or prod (/ticket-created). test mode always ' +
            'uses test.',
        default: 'test',
        check: choice(input_defaults/* TARGETS */.dW),
        terminal: flag('test|prod', "the receiver's /test-created or /ticket-created (default {default})"),
    },
    'webhook-url': {
        description: 'Full URL of the receiver, overriding target.',
        default: '',
        check: httpUrl(input_defaults/* WEBHOOK_TARGETS */.b2.test),
        terminal: flag('URL', 'full receiver URL, overriding --target'),
    },
    'webhook-secret': {
        description: 'HMAC key of the receiver (secret VIVENU_SECRET). Each delivery carries ' +
            'x-vivenu-signature, the hex HMAC-SHA256 of the exact body. Empty: deliveries go ' +
            'unsigned (a warning says so).',
        default: '',
        check: () => trimmed,
        secret: true,
        terminal: fromCommand('VIVENU_SECRET in the environment or .env'),
    },
    interval: {
        description: 'Seconds between delivery starts, 0 to 60, decimals allowed.',
        default: '1.8',
        check: decimal(0, 60),
        terminal: flag('SECONDS', 'seconds between delivery starts (default {default})'),
    },
    statuses: {
        description: 'Ticket statuses that count, comma-separated.',
        default: 'VALID,DETAILSREQUIRED',
        check: statuses,
        terminal: flag('LIST', 'statuses that count (default {default})'),
    },
    'name-contains': {
        description: 'Text the ticketName must contain (case-insensitive).',
        default: 'CHARITY',
        check: nameContains,
        terminal: flag('TEXT', 'text ticketName must contain (default {default})'),
    },
    'sold-before': {
        description: "Only tickets sold (created) before this are eligible: when the region's live webhook " +
            'went on, since it sent every later ticket itself. An ISO date (2025-07-29, midnight UTC) ' +
            'or date and time (2025-07-29T15:30, UTC unless a zone such as +02:00 is given); empty ' +
            'or none: no cutoff. The pull still files every ticket.',
        default: '',
        check: () => soldBefore,
        // Its terminal default, <REGION>_WEBHOOK_LIVE_SINCE, is read by parseCommandLine.
        terminal: flag('WHEN', 'only tickets sold before this ISO date or date-time (UTC unless a zone is given); ' +
            'default <REGION>_WEBHOOK_LIVE_SINCE; none: all'),
    },
    'ticket-ids': {
        description: 'redeliver mode only: the _ids of tickets of the one event-id to send again (commas, ' +
            'spaces or new lines), or failed: every eligible ticket whose last delivery failed. Each ' +
            'goes under its original delivery id, paced and signed, recorded apart; what counts as ' +
            'delivered does not change. An id that is not an eligible ticket of the event stops the ' +
            'run before anything is sent.',
        default: '',
        check: () => ticketIds,
        terminal: flag('LIST', 'redeliver: the _ids to send again, or failed (every ticket whose last delivery ' +
            'failed); never changes what counts as delivered'),
    },
    limit: {
        description: 'Deliver at most this many tickets this run (0 = all). A team purchase is never split.',
        default: '0',
        check: wholeNumber(0, 10_000_000),
        terminal: flag('N', 'deliver at most N tickets this run (default {default}: all; teams kept whole)'),
    },
    'dry-run': {
        description: 'true: pull, select and show the plan, but deliver and record nothing.',
        default: 'false',
        check: input_checks_boolean,
        terminal: switchFlag('pull, select and show the plan; deliver and record nothing'),
    },
    resync: {
        description: 'true: also look at events already in events_processed; only tickets never delivered ' +
            '(for example sold since) go out.',
        default: 'false',
        check: input_checks_boolean,
        terminal: switchFlag('look again at events already processed'),
    },
    'progress-file': {
        description: "Progress file inside the workspace. Default: the receiver's own, " +
            "historical_sync_progress_<REGION>.json for production (the earlier tool's file), " +
            'historical_sync_progress_<REGION>.test-receiver.json for the test receiver, and ' +
            'historical_sync_progress_<REGION>.receiver-<12 hex>.json for any other webhook-url. A ' +
            'file that records another receiver is refused.',
        default: '',
        check: fileInside,
        terminal: flag('FILE', "default: the receiver's own, historical_sync_progress_<REGION>.json for prod, " +
            'historical_sync_progress_<REGION>.test-receiver.json for test'),
    },
    'max-runtime-minutes': {
        description: 'Stop starting deliveries after this many minutes (decimals allowed), leaving time to ' +
            'save within the 6-hour job limit.',
        default: '330',
        check: decimal(0, 100_000, true),
        terminal: flag('M', 'stop starting deliveries after M minutes (default: no limit)', NO_TIME_LIMIT_MINUTES),
    },
    'fail-on-ticket-errors': {
        description: 'true: the step fails at the end when any ticket failed (they are retried next run).',
        default: 'true',
        check: input_checks_boolean,
        terminal: absent('a failed ticket makes the exit code 1'),
    },
    'request-timeout': {
        description: 'Seconds each request to Vivenu or the receiver may take before it is retried.',
        default: '30',
        check: decimal(0, 300, true),
        terminal: flag('SECONDS', 'per request to Vivenu or the receiver (default {default})'),
    },
    'commit-progress': {
        description: 'true: in sync mode (not a dry run), commit the progress file to the branch the run ' +
            'started from, through the Contents API: every commit-every-minutes, at the end, at the ' +
            'time budget and on cancel.',
        default: 'true',
        check: input_checks_boolean,
        terminal: fixed('false', 'progress lives in this folder; nothing is committed from a terminal'),
    },
    'github-token': {
        description: 'Token for committing progress (contents write) and continuing (actions write).',
        default: '${{ github.token }}',
        check: () => trimmed,
        secret: true,
        terminal: absent('nothing is committed or dispatched from a terminal'),
    },
    'commit-every-minutes': {
        description: 'Minutes between progress commits while delivering.',
        default: '10',
        check: decimal(0, 1_440, true),
        terminal: absent('nothing is committed from a terminal'),
    },
    'github-api-url': {
        description: "REST API root; empty uses the runner's GITHUB_API_URL (GitHub Enterprise works).",
        default: '',
        check: httpUrl('https://api.github.com'),
        terminal: absent('GitHub is not asked from a terminal'),
    },
    'auto-continue': {
        description: 'true: when the time budget ends with tickets left, commit progress and start the same ' +
            'workflow again on the same ref with the same inputs.',
        default: 'false',
        check: input_checks_boolean,
        terminal: absent('a terminal has no time budget unless asked; the same command continues'),
    },
    continuation: {
        description: 'How many runs came before this one in a self-continuing chain (set by the chain).',
        default: '0',
        check: wholeNumber(0, 1_000),
        terminal: absent('set by a self-continuing chain of workflow runs'),
    },
    'max-continuations': {
        description: 'Longest chain of follow-up runs.',
        default: '10',
        check: wholeNumber(0, 1_000),
        terminal: absent('set for a self-continuing chain of workflow runs'),
    },
};
/** Every input the action declares, in action.yml's order. */
const INPUT_NAMES = Object.keys(INPUTS);
/** The table's rows as [name, entry] pairs, in its order. */
const INPUT_SPECS = INPUT_NAMES.map((name) => [
    name,
    INPUTS[name],
]);
/** The defaults action.yml declares (`github-token`'s is an expression the runner evaluates). */
const INPUT_DEFAULTS = Object.fromEntries(INPUT_SPECS.flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, spec.default]])));
/** The inputs the action masks in its log before anything else reads them. */
const SECRET_INPUTS = INPUT_SPECS.flatMap(([name, spec]) => (spec.secret ? [name] : []));

;// CONCATENATED MODULE: ./src/settings/input-schema.ts



/**
 * Every input's check, by its action.yml name, made from the table (inputs.ts). `rawRegion` is
 * the `region` input as given: an empty api-key's problem names the repository secret it should
 * come from (`PROD_API`).
 */
function inputSchema(rawRegion, workspace) {
    const shape = Object.fromEntries(INPUT_SPECS.map(([name, spec]) => [
        name,
        spec.check({ name, fallback: spec.default ?? '', workspace, rawRegion }),
    ]));
    // Object.fromEntries forgets which check each name has; the table's types say it.
    return schemas/* object */.Ikc(shape);
}
/**
 * Problems only two inputs together show: `ticket-ids` is what redeliver mode sends, and
 * means nothing to another mode (a silent no-op would hide a mistyped mode).
 */
function crossInputProblems(values) {
    const ids = values['ticket-ids'];
    const given = ids === FAILED_TICKETS || ids.length > 0;
    if (values.mode === 'redeliver' && !given)
        return [
            `ticket-ids is required in redeliver mode: the _ids of the tickets to send again (from the ledger or the summary), or ${FAILED_TICKETS}`,
        ];
    if (values.mode !== 'redeliver' && given)
        return [
            `ticket-ids is only for mode redeliver (mode is ${values.mode}): clear it, or set mode to redeliver`,
        ];
    if (values.mode === 'redeliver' && values['event-id'].length > 1)
        return [
            `redeliver takes one event-id (${values['event-id'].length} were given): the event the ticket-ids belong to`,
        ];
    return [];
}

// EXTERNAL MODULE: ./src/progress/progress-lock.ts + 1 modules
var progress_lock = __nccwpck_require__(709);
// EXTERNAL MODULE: ./src/progress/progress-store.ts
var progress_store = __nccwpck_require__(748);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
;// CONCATENATED MODULE: ./src/settings/workspace-paths.ts


function errorCode(error) {
    return String(error.code ?? 'unknown error');
}
function resolveThroughLinks(target) {
    const missing = [];
    let existing = external_node_path_default().resolve(target);
    for (;;) {
        try {
            const real = (0,external_node_fs_.realpathSync)(existing);
            return {
                kind: 'resolved',
                path: external_node_path_default().join(real, ...missing),
                deepestExisting: real,
                exists: missing.length === 0,
            };
        }
        catch (error) {
            const code = errorCode(error);
            // ENOTDIR: a part of the path is a file; the caller says so by looking at the part found.
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                return { kind: 'unreadable', at: existing, code };
            // A link whose target is missing: a write would create that target, wherever it is.
            if (code === 'ENOENT' && isSymbolicLink(existing))
                return { kind: 'dangling-link', link: existing };
            const parent = external_node_path_default().dirname(existing);
            if (parent === existing)
                return { kind: 'unreadable', at: existing, code };
            missing.unshift(external_node_path_default().basename(existing));
            existing = parent;
        }
    }
}
function isSymbolicLink(file) {
    try {
        return (0,external_node_fs_.lstatSync)(file).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** True when `inner` is `outer` or below it. */
function isWithin(outer, inner) {
    const relative = external_node_path_default().relative(outer, inner);
    return (relative === '' ||
        (relative !== '..' && !relative.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(relative)));
}
function isDirectory(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * Why `target` (an input's path, already checked to be inside `workspace` as written) cannot
 * be used, or undefined when it can: it resolves, symbolic links included, outside the
 * workspace; it is the wrong kind (a file where a folder is needed, or the reverse); it sits
 * below a file; or it cannot be read. Each reason ends with what to do.
 */
function pathProblem(target, role, workspace, example) {
    const root = resolveThroughLinks(workspace);
    const resolved = resolveThroughLinks(target);
    if (resolved.kind === 'dangling-link')
        return `is a symbolic link (${resolved.link}) to something that does not exist: remove the link, or name a real ${role} inside the workspace`;
    if (resolved.kind === 'unreadable')
        return `cannot be read at ${resolved.at} (${resolved.code}): check the path and its permissions`;
    const rootPath = root.kind === 'resolved' ? root.path : external_node_path_default().resolve(workspace);
    if (!isWithin(rootPath, resolved.path))
        return `resolves through a symbolic link to ${resolved.path}, outside the workspace (${rootPath}): name a ${role} inside the workspace`;
    if (!resolved.exists && !isDirectory(resolved.deepestExisting))
        return `is below ${resolved.deepestExisting}, which is a file, not a folder: name a ${role} inside a folder`;
    if (resolved.exists && role === 'folder' && !isDirectory(resolved.path))
        return `is a file, not a folder: name a folder (for example ${example}; it is created when missing)`;
    if (resolved.exists && role === 'file' && isDirectory(resolved.path))
        return `is a folder, not a file: name a file (for example ${example})`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/settings/settings.ts










// What the inputs are (inputs.ts, the table) and how each is checked live beside this file; they are re-exported so
// the entry points and the tests keep one place to import settings from.




/**
 * Checks every input at once and reports every problem together, each naming the input and
 * the expected form, before anything touches the network. Path inputs are checked as written
 * first, then, when those are well-formed, against the disk (symbolic links resolved).
 */
function parseSettings(raw, workspace) {
    const settings = settingsFrom(checkedInputs(raw, workspace), workspace);
    const onDisk = pathProblemsOnDisk(settings, raw);
    if (onDisk.length > 0)
        throw new errors/* InputError */.dz(onDisk);
    return settings;
}
/** Every input checked as written; every problem found, together, in one InputError. */
function checkedInputs(raw, workspace) {
    const schema = inputSchema(raw.region ?? '', workspace);
    const input = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, raw[name] ?? '']));
    const result = schema.safeParse(input);
    if (!result.success)
        throw new errors/* InputError */.dz(result.error.issues.map((issue) => issue.message));
    const together = crossInputProblems(result.data);
    if (together.length > 0)
        throw new errors/* InputError */.dz(together);
    return result.data;
}
/** The checked inputs as the run uses them: the defaults that depend on others filled in. */
function settingsFrom(values, workspace) {
    const mode = values.mode;
    const target = values.target;
    const vivenuOrigin = values['vivenu-url']?.origin ?? (0,input_defaults/* defaultVivenuOrigin */.Db)(values.region);
    const webhookUrl = values['webhook-url']?.href ?? input_defaults/* WEBHOOK_TARGETS */.b2[mode === 'test' ? 'test' : target];
    const receiver = (0,settings_receiver/* receiverAt */.Zc)(webhookUrl);
    return {
        region: values.region,
        eventIds: values['event-id'],
        apiKey: values['api-key'],
        mode,
        vivenuOrigin,
        pageSize: values['page-size'],
        pullConcurrency: values['pull-concurrency'],
        ticketsDir: values['tickets-dir'] ?? external_node_path_default().resolve(workspace, INPUT_DEFAULTS['tickets-dir']),
        workspace,
        target,
        webhookUrl,
        receiver,
        stagingTickets: (0,input_defaults/* readsStaging */.d3)(values.region, vivenuOrigin),
        webhookSecret: values['webhook-secret'],
        intervalSeconds: values.interval,
        statuses: values.statuses,
        nameContains: values['name-contains'],
        soldBefore: values['sold-before'],
        ticketIds: values['ticket-ids'],
        limit: values.limit,
        dryRun: values['dry-run'],
        resync: values.resync,
        progressFile: values['progress-file'] ??
            external_node_path_default().resolve(workspace, (0,settings_receiver/* defaultProgressFile */.HM)(values.region, receiver)),
        maxRuntimeMinutes: values['max-runtime-minutes'],
        failOnTicketErrors: values['fail-on-ticket-errors'],
        requestTimeoutSeconds: values['request-timeout'],
        commitProgress: values['commit-progress'],
        githubToken: values['github-token'],
        commitEveryMinutes: values['commit-every-minutes'],
        githubApiUrl: values['github-api-url']?.href.replace(/\/+$/, '') ?? '',
        autoContinue: values['auto-continue'],
        runsBeforeInChain: values.continuation,
        maxContinuations: values['max-continuations'],
    };
}
/**
 * The path inputs checked against the disk, defaults included (a committed symlink named
 * `purchased_tickets` is as dangerous as one given as input): every folder the run writes into,
 * and the progress file, its journal and its lock, must resolve, symbolic links included, inside the
 * workspace and be of the right kind. The only reads parseSettings makes; no writes.
 */
function pathProblemsOnDisk(settings, raw) {
    const named = (input, fallback) => {
        const given = (raw[input] ?? '').trim();
        return given ? shown(given) : `${shown(fallback)} (the default)`;
    };
    const problems = [];
    const check = (input, shownValue, problem) => {
        if (problem)
            problems.push(`${input} ${shownValue} ${problem}`);
    };
    const ticketsDir = named('tickets-dir', INPUT_DEFAULTS['tickets-dir']);
    const folderProblem = [
        settings.ticketsDir,
        // Each event's folders: a link planted at <tickets-dir>/<event>/individual leads elsewhere too.
        ...settings.eventIds.map((eventId) => external_node_path_default().join(settings.ticketsDir, eventId, 'individual')),
    ]
        .map((folder) => pathProblem(folder, 'folder', settings.workspace, 'purchased_tickets'))
        .find((problem) => problem !== undefined);
    check('tickets-dir', ticketsDir, folderProblem);
    // Only a sync and a redelivery read or write the progress file.
    if (recordsDeliveries(settings)) {
        const example = (0,settings_receiver/* defaultProgressFile */.HM)(settings.region, settings.receiver);
        const progressFile = named('progress-file', example);
        const fileProblem = [
            settings.progressFile,
            (0,progress_store/* journalPath */.HY)(settings.progressFile),
            (0,progress_lock/* lockPath */.H)(settings.progressFile),
        ]
            .map((file) => pathProblem(file, 'file', settings.workspace, example))
            .find((problem) => problem !== undefined);
        check('progress-file', progressFile, fileProblem);
    }
    return problems;
}
/**
 * A sync whose progress is kept on the branch (commit-progress): it reads the branch's copy
 * before selecting, its dry run too, and commits unless it is a dry run.
 */
function keepsProgressOnBranch(settings) {
    return recordsDeliveries(settings) && settings.commitProgress;
}
/** The modes that keep a progress file: a sync, and a redelivery (which records apart). */
function recordsDeliveries(settings) {
    return settings.mode === 'sync' || settings.mode === 'redeliver';
}


/***/ }),

/***/ 374:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K_: () => (/* binding */ parseEventInfo),
/* harmony export */   X_: () => (/* binding */ eventTitle)
/* harmony export */ });
/* unused harmony export eventDates */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(691);

/** A name longer than this is cut for display: a title, not a description. */
const MAX_NAME_CHARACTERS = 120;
const isoDate = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .refine((text) => !Number.isNaN(Date.parse(text)))
    .nullish()
    .catch(null);
/** Only `name` is needed; dates that are missing or not dates are shown as unknown. */
const eventSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1),
    start: isoDate,
    end: isoDate,
});
/** The event's name and dates from Vivenu's answer, or why the answer is not an event. */
function parseEventInfo(eventId, json) {
    const parsed = eventSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            problem: `answer is not an event (${issue?.path.join('.') || 'body'}: ${issue?.message})`,
        };
    }
    const name = parsed.data.name;
    return {
        info: {
            eventId,
            name: name.length > MAX_NAME_CHARACTERS ? `${name.slice(0, MAX_NAME_CHARACTERS - 1)}…` : name,
            start: parsed.data.start ?? null,
            end: parsed.data.end ?? null,
        },
    };
}
/** "2026-05-23", or "2026-05-23 to 2026-05-24" (UTC days), or "" when no date is known. */
function eventDates(info) {
    const day = (iso) => iso === null ? null : new Date(iso).toISOString().slice(0, 10);
    const start = day(info.start);
    const end = day(info.end);
    if (start && end && start !== end)
        return `${start} to ${end}`;
    return start ?? end ?? '';
}
/**
 * The event as a person reads it: "HYROX Berlin (2026-05-23 to 2026-05-24)". The name is an
 * outside value: callers escape it for where it goes (logText, tableCell).
 */
function eventTitle(info) {
    const dates = eventDates(info);
    return dates ? `${info.name} (${dates})` : info.name;
}


/***/ }),

/***/ 68:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ compactJson),
/* harmony export */   En: () => (/* binding */ MAX_TICKET_DEPTH),
/* harmony export */   Xe: () => (/* binding */ ticketJson),
/* harmony export */   iS: () => (/* binding */ nestedDeeperThan),
/* harmony export */   jQ: () => (/* binding */ NumberText),
/* harmony export */   jq: () => (/* binding */ parseKeepingNumbers),
/* harmony export */   ku: () => (/* binding */ plainNumber)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Tickets as JSON text, read and written so that what Vivenu wrote is what goes on: the files,
 * the delivery and its signature carry each number as Vivenu wrote it, and no ticket, however
 * deep, can make the run throw.
 *
 * Numbers (issue 23, row 3). `JSON.parse` turns every number into a float64, and
 * `JSON.stringify` writes that float back in its shortest form: `12345678901234567890` went out
 * as `12345678901234567000`, `9007199254740993` as `…992`, `1.10` as `1.1`, `1.0` as `1`, `1e2`
 * as `100`, `-0` as `0`, `1e400` as `null` (ECMA-262, Number::toString). The reviver's
 * `context.source` and `JSON.rawJSON` would keep them, but Node 20 has neither (V8 11.3), and a
 * reviver slows every page. So a page is searched once for a number whose text would change
 * (about 2 ms per MB: 19,000 tickets, 17.7 MB, take 40 ms more than JSON.parse alone); only a
 * page holding one takes the slower way (about 10 ms more per 1,000 tickets), where that number
 * becomes a NumberText, written back as its text. Everything else JSON does not tell apart is
 * still normalised by JSON.parse: whitespace between tokens, a character written as an escape
 * (`\u00e9`, `\/`), a key given twice (the last kept), and keys that are array indices ("2"),
 * which an object lists first (ECMA-262, OrdinaryOwnPropertyKeys).
 *
 * Depth (issue 23, row 2). `JSON.parse` reads any depth, but `JSON.stringify` recurses and ran
 * out of stack at 4,102 levels on Node 20 and 4,457 on Node 24 (measured, from a shallow
 * stack), with "Maximum call stack size exceeded" while the files were written. A ticket
 * nested deeper than MAX_TICKET_DEPTH is kept aside (`nestedDeeperThan`) and written only by
 * `compactJson`, which keeps its own stack.
 */
/**
 * A Vivenu ticket nests 3 levels (`history` entries, `extraFields`); a hundred is far past any
 * real one and far below where JSON.stringify runs out of stack (above).
 */
const MAX_TICKET_DEPTH = 100;
/** Starts every placeholder: a private-use character, which JSON.stringify writes as it is. */
const MARK = '\uE000';
/** Unguessable by outside text: a string a ticket holds can never be taken for a number. */
const PLACEHOLDER = `${MARK}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}:`;
const PLACEHOLDER_IN_TEXT = new RegExp(`"${PLACEHOLDER}(-?[0-9][0-9.eE+-]*)"`, 'g');
/** A JSON number kept as written, because a JavaScript number would write it otherwise. */
class NumberText {
    text;
    constructor(text) {
        this.text = text;
    }
    /** JSON.stringify writes a placeholder; `ticketJson` puts the text in its place. */
    toJSON() {
        return `${PLACEHOLDER}${this.text}`;
    }
}
/** A number token where a value can be (after `:`, `,`, `[`), before `,`, `}` or `]`. */
const NUMBER_IN_VALUE_PLACE = /[:,[][ \t\r\n]*(-?[0-9][0-9.eE+-]*)(?=[ \t\r\n]*[,}\]])/g;
/** A number as RFC 8259 section 6 writes it. */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
/** True when JSON.stringify(JSON.parse(token)) would not give `token` back. */
function changedByANumber(token) {
    return JSON_NUMBER.test(token) && JSON.stringify(Number(token)) !== token;
}
/**
 * Whether `text` may hold a number that JSON.parse and JSON.stringify would change. May say yes
 * for a string that looks like one (`"a, 1.10, b"`): the slower way is then taken, and is exact.
 */
function mayChangeANumber(text) {
    // A number alone (no page is one): the slower way, which handles it too.
    if (/^[ \t\r\n]*-?[0-9]/.test(text))
        return true;
    NUMBER_IN_VALUE_PLACE.lastIndex = 0;
    for (let match; (match = NUMBER_IN_VALUE_PLACE.exec(text));) {
        if (changedByANumber(match[1]))
            return true;
    }
    return false;
}
/**
 * `text` with every number JSON.parse would change written as a placeholder string. Only the
 * places NUMBER_IN_VALUE_PLACE finds are touched, and only those outside a string: the quotes
 * before each are stepped over (a quote ends a string unless an odd run of backslashes comes
 * before it), so a string that reads "a, 1.10, b" stays as it is, and text that is not JSON
 * stays as unparsable as it was. A page of 1,000 tickets holding such a number takes about
 * 10 ms more than one without.
 */
function markChangedNumbers(text) {
    const pieces = [];
    let kept = 0;
    /** Quotes before `scanned` are accounted for: `inString` is the state there. */
    let scanned = 0;
    let inString = false;
    NUMBER_IN_VALUE_PLACE.lastIndex = 0;
    for (let match; (match = NUMBER_IN_VALUE_PLACE.exec(text));) {
        const token = match[1];
        if (!changedByANumber(token))
            continue;
        const at = match.index + match[0].length - token.length;
        for (let quote = text.indexOf('"', scanned); quote !== -1 && quote < at;) {
            if (!inString || backslashesBefore(text, quote) % 2 === 0)
                inString = !inString;
            scanned = quote + 1;
            quote = text.indexOf('"', scanned);
        }
        if (inString)
            continue;
        pieces.push(text.slice(kept, at), `"${PLACEHOLDER}${token}"`);
        kept = at + token.length;
    }
    pieces.push(text.slice(kept));
    return pieces.join('');
}
function backslashesBefore(text, at) {
    let count = 0;
    while (text.charCodeAt(at - 1 - count) === 0x5c)
        count++;
    return count;
}
/** Each placeholder string inside `value` made a NumberText again; walks any depth. */
function restoreNumbers(value) {
    const stack = [value];
    while (stack.length > 0) {
        const container = stack.pop();
        if (typeof container !== 'object' || container === null)
            continue;
        const slots = container;
        for (const key of Object.keys(slots)) {
            const inner = slots[key];
            if (typeof inner === 'string' && inner.startsWith(PLACEHOLDER)) {
                slots[key] = new NumberText(inner.slice(PLACEHOLDER.length));
            }
            else if (typeof inner === 'object' && inner !== null) {
                stack.push(inner);
            }
        }
    }
}
/**
 * JSON.parse, keeping every number JSON.parse and JSON.stringify would change as a NumberText.
 * Throws what JSON.parse throws for text that is not JSON.
 */
function parseKeepingNumbers(text) {
    if (!mayChangeANumber(text))
        return JSON.parse(text);
    const marked = markChangedNumbers(text);
    const value = JSON.parse(marked);
    // A number alone: JSON.parse took it, so the text is that number between JSON white space.
    if (typeof value === 'number') {
        const token = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
        return changedByANumber(token) ? new NumberText(token) : value;
    }
    if (marked.length !== text.length)
        restoreNumbers(value);
    return value;
}
/** A plain number for what must be one (a page's `total`), whether kept as text or not. */
function plainNumber(value) {
    return value instanceof NumberText ? Number(value.text) : value;
}
/**
 * JSON.stringify for a ticket (or anything holding one), its NumberTexts written as their text.
 * Only for values no deeper than MAX_TICKET_DEPTH: deeper ones go through `compactJson`.
 */
function ticketJson(value, indent) {
    const text = JSON.stringify(value, null, indent);
    return text.includes(MARK) ? text.replace(PLACEHOLDER_IN_TEXT, '$1') : text;
}
/**
 * Whether `value` nests objects and arrays more than `levels` deep (`{}` is one level), found
 * with a stack of its own, so any depth is safe to ask about; it stops at the first too deep.
 * Asked of every row a pull reads: 19,000 tickets take about 10 ms (Node 20 and 24, measured),
 * a fifth of what sharing their strings takes (shared-strings.ts).
 */
function nestedDeeperThan(value, levels) {
    const stack = [[value, 1]];
    while (stack.length > 0) {
        const [container, depth] = stack.pop();
        if (typeof container !== 'object' || container === null)
            continue;
        if (depth > levels)
            return true;
        for (const inner of Object.values(container)) {
            if (typeof inner === 'object' && inner !== null)
                stack.push([inner, depth + 1]);
        }
    }
    return false;
}
/**
 * JSON text of a value parsed from JSON, at any depth, on a stack of its own: for what
 * JSON.stringify cannot write (a ticket kept aside as too deep). Compact: indenting 5,000
 * levels would write 10,000 spaces on a line.
 */
function compactJson(value) {
    const out = [];
    // What is still to write, the next on top: a value, or a piece of text (a comma, a bracket).
    const todo = [{ value }];
    // Pushed in reverse, one by one (a spread of a long array would overflow the stack itself).
    const later = (steps) => {
        for (let index = steps.length - 1; index >= 0; index--)
            todo.push(steps[index]);
    };
    while (todo.length > 0) {
        const next = todo.pop();
        if ('text' in next) {
            out.push(next.text);
            continue;
        }
        const item = next.value;
        if (item instanceof NumberText)
            out.push(item.text);
        else if (Array.isArray(item)) {
            const steps = [{ text: '[' }];
            item.forEach((inner, index) => {
                if (index > 0)
                    steps.push({ text: ',' });
                steps.push({ value: inner });
            });
            later([...steps, { text: ']' }]);
        }
        else if (typeof item === 'object' && item !== null) {
            const steps = [{ text: '{' }];
            Object.entries(item).forEach(([key, inner], index) => {
                steps.push({ text: `${index > 0 ? ',' : ''}${JSON.stringify(key)}:` }, { value: inner });
            });
            later([...steps, { text: '}' }]);
        }
        else {
            // A string, number, boolean or null; undefined (never from JSON) is written as null.
            out.push(JSON.stringify(item) ?? 'null');
        }
    }
    return out.join('');
}


/***/ }),

/***/ 553:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  gx: () => (/* binding */ compareByCreation),
  aF: () => (/* binding */ createdAtMs),
  T1: () => (/* binding */ creationRange),
  Se: () => (/* binding */ describeTicket),
  HV: () => (/* reexport */ redactEmails),
  Ut: () => (/* reexport */ redactPersonalData),
  OM: () => (/* binding */ stringField)
});

// UNUSED EXPORTS: MIN_REDACTED_LENGTH

// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __nccwpck_require__(529);
// EXTERNAL MODULE: ./src/vivenu/ticket-json.ts
var ticket_json = __nccwpck_require__(68);
;// CONCATENATED MODULE: ./src/vivenu/redaction.ts

/**
 * Redaction of a ticket's values from outside text (a receiver's answer), built to hold
 * whatever the ticket and the text are: it never throws, and its work is bounded.
 *
 * Issue 23, row 1: the redaction used to join the ticket's values into one regular expression;
 * a ticket with a 50,000-character value made a pattern V8 refused ("Invalid regular
 * expression: … too large"), after the receiver had accepted the delivery, and the error held
 * the pattern: every value of the ticket. Here each value is looked for with `indexOf` in the
 * case-folded text, and what is found is cut out. Issue 23 also showed the email pattern
 * `[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}` backtracking quadratically: 3.5 s for 64 KiB of letters
 * without an `@`, 73 s for 256 KiB; `redactEmails` finds the same matches in one pass.
 */
/** What a redacted value is replaced with. */
const REDACTED = '[redacted]';
/**
 * Values shorter than this are left in an answer. Redacting case-insensitively, a 1-2
 * character value ("M", "DE", a one-letter initial, a short id) would hit inside almost every
 * word and eat the whole message, and alone it names nobody; from 3 on ("Ann", "Lee") a value
 * can be a name, so it goes.
 */
const MIN_REDACTED_LENGTH = 3;
/** Numbers this long may be a phone number or a customer number; shorter ones are prices, counts. */
const MIN_REDACTED_DIGITS = 6;
/**
 * Ids the log shows on every line anyway (`[3/80] sent <_id> (<ticketName>)`, the summary's
 * ticketTypeIds): not personal data, and what a reader needs to act on, so an answer keeps them.
 */
const SHOWN_FIELDS = ['_id', 'ticketTypeId', 'eventId', 'ticketName'];
/**
 * Text longer than this is not looked through: it is withheld whole. An answer is read to
 * 64 KiB (webhook-sender.ts); a recorded reason is 200 characters.
 */
const MOST_TEXT_REDACTED = 256 * 1024;
/**
 * Characters compared at most, searching for the ticket's values (about a tenth of a second);
 * past it the text is withheld whole rather than shown half checked. A real answer and ticket
 * take thousands: only a ticket of many long values that all occur in the answer comes near.
 */
const MOST_WORK = 100_000_000;
/**
 * `text` with every value of the ticket (at any depth: `extraFields` contacts, history
 * entries), in any case, its JSON-escaped forms, long numbers, and anything shaped like an
 * email replaced by REDACTED, for a receiver that echoes what it was sent into an error message
 * we record. The ids the log shows anyway (SHOWN_FIELDS) stay. Redact before cutting: a cut
 * value no longer matches. Text too long, or too costly, to look through is withheld whole.
 */
function redactPersonalData(text, ticket) {
    if (text === '')
        return text;
    if (text.length > MOST_TEXT_REDACTED)
        return withheld(text, 'too long to check');
    const folded = foldCase(text);
    const ranges = findValues(folded, valuesToRedact(ticket, text.length));
    if (ranges === undefined)
        return withheld(text, 'too costly to check');
    return redactEmails(cutOut(text, ranges));
}
function withheld(text, why) {
    return `[answer withheld: ${text.length} characters, ${why} for personal data]`;
}
/**
 * `text` in lower case, one UTF-16 unit for one, so that a position in it is the same position
 * in `text`. String.prototype.toLowerCase keeps the length but for U+0130 (İ, which becomes
 * "i̇": Unicode's SpecialCasing.txt), so a text holding it is lowered one character at a time;
 * final sigma, the one lowering that depends on the letters around it, is made σ.
 */
function foldCase(text) {
    let lower = text.toLowerCase();
    if (lower.length !== text.length) {
        lower = '';
        for (const character of text) {
            const lowered = character.toLowerCase();
            lower += lowered.length === character.length ? lowered : character;
        }
    }
    return lower.includes('ς') ? lower.replaceAll('ς', 'σ') : lower;
}
/**
 * Every string (and long number) inside `ticket`, at any depth, as the receiver may echo it,
 * case-folded; none longer than `longest` (it could not be in the text). Walked on a stack of
 * its own: a ticket of any depth is safe.
 */
function valuesToRedact(ticket, longest) {
    const values = new Set();
    const add = (value) => {
        if (value.length <= longest)
            values.add(foldCase(value));
    };
    const stack = [ticket];
    while (stack.length > 0) {
        const value = stack.pop();
        if (typeof value === 'string') {
            const trimmed = value.trim();
            if (trimmed.length < MIN_REDACTED_LENGTH || trimmed.length > longest)
                continue;
            add(trimmed);
            // An echo in JSON shows quotes and backslashes escaped, and, from an encoder that writes
            // ASCII only (Python's json.dumps by default), every other character as \uXXXX.
            const escaped = JSON.stringify(trimmed).slice(1, -1);
            add(escaped);
            add(escaped.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
        }
        else if (typeof value === 'number' && Number.isInteger(value)) {
            const digits = String(Math.abs(value));
            if (digits.length >= MIN_REDACTED_DIGITS)
                add(digits);
        }
        else if (value instanceof ticket_json/* NumberText */.jQ) {
            const digits = value.text.replace(/^-/, '');
            if (/^\d+$/.test(digits) && digits.length >= MIN_REDACTED_DIGITS)
                add(digits);
        }
        else if (typeof value === 'object' && value !== null) {
            for (const inner of Object.values(value))
                stack.push(inner);
        }
    }
    for (const field of SHOWN_FIELDS) {
        const shown = ticket[field];
        if (typeof shown === 'string')
            values.delete(foldCase(shown.trim()));
    }
    return values;
}
/** The three UTF-16 units from `at`, as one number: a cheap key for "may occur here". */
function trigramAt(text, at) {
    return ((text.charCodeAt(at) * 65_536 + text.charCodeAt(at + 1)) * 65_536 + text.charCodeAt(at + 2));
}
/**
 * Where each value occurs in `folded`, as [start, end) pairs (every occurrence, overlapping
 * ones too); undefined when finding them would cost more than MOST_WORK. A value whose first
 * and last three characters do not both occur in the text is passed over without a search.
 */
function findValues(folded, values) {
    const trigrams = new Set();
    for (let at = 0; at + 3 <= folded.length; at++)
        trigrams.add(trigramAt(folded, at));
    const ranges = [];
    let work = 0;
    for (const value of values) {
        if (!trigrams.has(trigramAt(value, 0)) || !trigrams.has(trigramAt(value, value.length - 3)))
            continue;
        for (let from = 0;;) {
            const found = folded.indexOf(value, from);
            work += (found === -1 ? folded.length : found + value.length) - from;
            if (work > MOST_WORK)
                return undefined;
            if (found === -1)
                break;
            ranges.push([found, found + value.length]);
            from = found + 1;
        }
    }
    return ranges;
}
/** `text` with the union of `ranges` replaced, each stretch once, by REDACTED. */
function cutOut(text, ranges) {
    if (ranges.length === 0)
        return text;
    ranges.sort((a, b) => a[0] - b[0]);
    const pieces = [];
    let kept = 0;
    let [start, end] = ranges[0];
    for (const [nextStart, nextEnd] of ranges) {
        if (nextStart <= end) {
            end = Math.max(end, nextEnd);
            continue;
        }
        pieces.push(text.slice(kept, start), REDACTED);
        kept = end;
        [start, end] = [nextStart, nextEnd];
    }
    pieces.push(text.slice(kept, start), REDACTED, text.slice(end));
    return pieces.join('');
}
/** A character the email pattern's runs `[^\s@"'<>]` cannot hold. */
const NOT_IN_EMAIL = /[\s@"'<>]/;
const isAsciiLetter = (code) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/**
 * Anything shaped like an email replaced by REDACTED: what
 * `text.replace(/[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi, REDACTED)` replaces, found in one pass
 * (that pattern backtracks quadratically on a long run without an `@`; see the file's top).
 */
function redactEmails(text) {
    if (!text.includes('@'))
        return text;
    const ranges = [];
    let floor = 0;
    for (let at = text.indexOf('@'); at !== -1;) {
        let start = at;
        while (start > floor && !NOT_IN_EMAIL.test(text[start - 1]))
            start--;
        let runEnd = at + 1;
        while (runEnd < text.length && !NOT_IN_EMAIL.test(text[runEnd]))
            runEnd++;
        const end = start < at ? domainEnd(text, at + 1, runEnd) : -1;
        if (end === -1) {
            at = text.indexOf('@', at + 1);
            continue;
        }
        ranges.push([start, end]);
        floor = end;
        at = text.indexOf('@', end);
    }
    return cutOut(text, ranges);
}
/**
 * Where `[^\s@"'<>]+\.[a-z]{2,}` (greedy, as the pattern backtracks) ends when it starts at
 * `from` inside a run of allowed characters ending at `runEnd`; -1 when it cannot match: the
 * last dot with at least one character before it and two letters after, then every letter.
 */
function domainEnd(text, from, runEnd) {
    for (let dot = runEnd - 3; dot > from; dot--) {
        if (text.charCodeAt(dot) !== 0x2e)
            continue;
        if (!isAsciiLetter(text.charCodeAt(dot + 1)) || !isAsciiLetter(text.charCodeAt(dot + 2)))
            continue;
        let end = dot + 3;
        while (end < runEnd && isAsciiLetter(text.charCodeAt(end)))
            end++;
        return end;
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/vivenu/tickets.ts

// Kept where callers have always found them; the redaction itself is in redaction.ts.

function stringField(ticket, field) {
    const value = ticket[field];
    return typeof value === 'string' ? value : undefined;
}
/**
 * How a ticket is named in logs, summaries and errors: its id and ticket type, nothing a
 * person could be recognised by. Both come from Vivenu, so both are escaped for a log line.
 */
function describeTicket(ticket) {
    const ticketName = stringField(ticket, 'ticketName');
    const id = (0,log_text/* logText */.kc)(ticket._id);
    return ticketName === undefined ? id : `${id} (${(0,log_text/* logText */.kc)(ticketName)})`;
}
/** Creation time in ms; a missing or unreadable `createdAt` sorts last. */
function createdAtMs(ticket) {
    const ms = Date.parse(stringField(ticket, 'createdAt') ?? '');
    return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}
/** Oldest first; ties (a team bought together) broken by `_id` so the order is total. */
function compareByCreation(a, b) {
    const difference = createdAtMs(a) - createdAtMs(b);
    if (difference !== 0 && !Number.isNaN(difference))
        return difference;
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}
/** First and last `createdAt` of tickets sorted oldest first, ignoring unreadable ones. */
function creationRange(sorted) {
    const dates = sorted
        .map((ticket) => stringField(ticket, 'createdAt'))
        .filter((value) => value !== undefined && !Number.isNaN(Date.parse(value)));
    return { first: dates[0] ?? null, last: dates.at(-1) ?? null };
}


/***/ }),

/***/ 633:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  H4: () => (/* binding */ MAX_PAGE_SIZE),
  RA: () => (/* binding */ MIN_PAGE_SIZE),
  vY: () => (/* binding */ VivenuClient),
  YC: () => (/* binding */ hasId)
});

// UNUSED EXPORTS: MAX_EVENT_BYTES

// EXTERNAL MODULE: ./src/format.ts
var format = __nccwpck_require__(264);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __nccwpck_require__(691);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __nccwpck_require__(902);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __nccwpck_require__(529);
;// CONCATENATED MODULE: ./src/http/http-get.ts


/** Under the 5 s many servers keep an idle connection, so a reused one is rarely just closed. */
const IDLE_CONNECTION_MS = 4_000;
class HttpGetter {
    maxBytes;
    agents = new Map();
    constructor(maxBytes) {
        this.maxBytes = maxBytes;
    }
    /**
     * Rejects with the signal's reason when it aborts, or a NetworkError below HTTP. `maxBytes`
     * bounds this answer tighter than the getter's own bound (an event is smaller than a page).
     */
    async get(url, headers, signal, maxBytes = this.maxBytes) {
        signal.throwIfAborted();
        const response = await this.send(url, headers, signal);
        const coding = response.headers['content-encoding'];
        if (coding && coding.toLowerCase() !== 'identity') {
            response.destroy();
            throw new errors/* AnswerRefusedError */.bZ(`answer in a content coding not asked for (${(0,log_text/* logText */.kc)(coding.slice(0, 40))})`);
        }
        return {
            status: response.statusCode ?? 0,
            retryAfter: single(response.headers['retry-after']),
            location: single(response.headers.location),
            text: await this.readText(response, signal, Math.min(maxBytes, this.maxBytes)),
        };
    }
    send(url, headers, signal) {
        // node:https (and TLS) only for an https origin: a loopback sandbox never loads it.
        const transport = process.getBuiltinModule(url.protocol === 'https:' ? 'node:https' : 'node:http');
        let agent = this.agents.get(url.protocol);
        if (!agent) {
            agent = new transport.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
            this.agents.set(url.protocol, agent);
        }
        return new Promise((resolve, reject) => {
            const request = transport.get(url, {
                agent,
                headers: { ...headers, 'accept-encoding': 'identity' },
            });
            const onAbort = () => {
                request.destroy();
                reject(abortReason(signal));
            };
            signal.addEventListener('abort', onAbort, { once: true });
            request.on('response', (response) => {
                signal.removeEventListener('abort', onAbort);
                resolve(response);
            });
            request.on('error', (error) => {
                signal.removeEventListener('abort', onAbort);
                reject(signal.aborted ? abortReason(signal) : new errors/* NetworkError */.Dr(error.message, { cause: error }));
            });
        });
    }
    /** The body as UTF-8 text (as `fetch`'s `text()`: a byte order mark dropped), bounded. */
    async readText(response, signal, maxBytes) {
        const declared = Number(response.headers['content-length']);
        if (declared > maxBytes) {
            response.destroy();
            throw new errors/* AnswerRefusedError */.bZ(`answer of ${declared} bytes, over the ${maxBytes} allowed`);
        }
        const chunks = [];
        let bytes = 0;
        const onAbort = () => void response.destroy();
        signal.addEventListener('abort', onAbort, { once: true });
        try {
            for await (const chunk of response) {
                bytes += chunk.length;
                if (bytes > maxBytes) {
                    response.destroy();
                    throw new errors/* AnswerRefusedError */.bZ(`answer over the ${maxBytes} bytes allowed`);
                }
                chunks.push(chunk);
            }
        }
        catch (error) {
            if (signal.aborted)
                throw abortReason(signal);
            if (error instanceof errors/* NetworkError */.Dr)
                throw error;
            throw new errors/* NetworkError */.Dr('the answer was cut off', { cause: error });
        }
        finally {
            signal.removeEventListener('abort', onAbort);
        }
        if (signal.aborted)
            throw abortReason(signal);
        return new TextDecoder().decode(Buffer.concat(chunks, bytes));
    }
}
function single(value) {
    if (value === undefined)
        return null;
    return Array.isArray(value) ? value.join(', ') : value;
}
/** What `fetch` fails with on an abort: the signal's reason (a TimeoutError for a timeout). */
function abortReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error(String(reason));
}

// EXTERNAL MODULE: ./src/vivenu/event-info.ts
var event_info = __nccwpck_require__(374);
// EXTERNAL MODULE: ./src/vivenu/ticket-json.ts
var ticket_json = __nccwpck_require__(68);
;// CONCATENATED MODULE: ./src/vivenu/vivenu-client.ts








const MIN_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
/** After this many 503s in a row for one page, ask for half as many tickets. */
const UNAVAILABLE_BEFORE_HALVING = 2;
/** A page of 1,000 tickets is a few MB; an answer past this is not a page to hold. */
const MAX_PAGE_BYTES = 64 * 2 ** 20;
/**
 * An event with its ticket types, shops and texts is tens of KB; far past that, it is not an
 * event to hold just for its name.
 */
const MAX_EVENT_BYTES = 4 * 2 ** 20;
/** A row that can be told apart from every other: a non-empty string `_id`. */
function hasId(row) {
    return typeof row._id === 'string' && row._id !== '';
}
/**
 * A row must be an object; one without a usable `_id` is still a row of the page (the pull keeps
 * it aside), not a reason to refuse the page: Vivenu's spec requires `_id`, so a row without
 * one is a damaged ticket, not a damaged page (vivenu-facts.md, "The Ticket object").
 */
const pageSchema = schemas/* object */.Ikc({
    rows: schemas/* array */.YOg(schemas/* looseObject */._H3({})),
    // Read as written (`1e3` is kept as text in the rows, not here: a count is a number).
    total: schemas/* preprocess */.vkY(ticket_json/* plainNumber */.ku, schemas/* number */.aig().int().nonnegative()),
});
/** Reads ticket pages from Vivenu's `GET /api/tickets`. Read-only: it never writes to Vivenu. */
class VivenuClient {
    options;
    /** Every HTTP request sent, retries included. */
    apiCalls = 0;
    retries = 0;
    /** 429 answers so far: the puller pages one at a time for a while after each. */
    rateLimited = 0;
    random;
    retry;
    requestTimeoutMs;
    /** Kept-alive connections to Vivenu, shared by every page of the run. */
    http = new HttpGetter(MAX_PAGE_BYTES);
    constructor(options) {
        this.options = options;
        this.random = options.random ?? Math.random;
        this.retry = options.retry ?? retry/* defaultRetryPolicy */.ur;
        this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    }
    /**
     * One page of an event's tickets, retried on 429, 5xx, timeouts, dropped connections and
     * unreadable answers; Vivenu's own refusals (400, 401, 403, 404) fail at once.
     */
    async fetchPage(eventId, skip, pageSize) {
        let size = pageSize;
        let unavailableInARow = 0;
        let refusedInARow = 0;
        const where = `event ${eventId}, tickets from ${(0,format/* count */.U)(skip)}`;
        return (0,retry/* retrying */.R$)(async () => {
            const outcome = await this.attempt(eventId, skip, size, refusedInARow);
            if (outcome.kind === 'page')
                return { kind: 'done', value: { ...outcome.page, pageSize: size } };
            refusedInARow = outcome.refused ? refusedInARow + 1 : 0;
            unavailableInARow = outcome.status === 503 ? unavailableInARow + 1 : 0;
            return outcome;
        }, {
            ...this.retryLoop(),
            exhausted: (last, attempts) => {
                // Load advice only for load: 429, 5xx and timeouts; anything else, say what it was.
                const advice = last.load
                    ? 'Vivenu may be under load: run again later.'
                    : 'Run again; if it persists, check vivenu-url.';
                throw new errors/* VivenuError */.S7(`Vivenu kept failing (${last.reason}) for ${where} after ${attempts} attempts. ${advice}`);
            },
            onRetry: (failure, attempt, delayMs) => {
                if (unavailableInARow >= UNAVAILABLE_BEFORE_HALVING && size > MIN_PAGE_SIZE) {
                    size = Math.max(MIN_PAGE_SIZE, Math.floor(size / 2));
                    unavailableInARow = 0;
                    this.options.logger.info(`Vivenu answered 503 repeatedly: page size now ${size}`);
                }
                this.toldRetry(where, failure.reason, attempt, delayMs);
            },
        });
    }
    /**
     * The event's name and dates, asked before the pull. Retried like a page (429, 5xx, timeouts,
     * dropped connections, answers that are not an event); a 404 fails at once with its likeliest
     * cause, an event of another region's account.
     */
    async fetchEvent(eventId) {
        const url = new URL(`/api/events/${encodeURIComponent(eventId)}`, this.options.origin);
        let refusedInARow = 0;
        return (0,retry/* retrying */.R$)(async () => {
            const outcome = await this.eventAttempt(url, eventId, refusedInARow);
            if (outcome.kind !== 'retry')
                return { kind: 'done', value: outcome };
            refusedInARow = outcome.refused ? refusedInARow + 1 : 0;
            return outcome;
        }, {
            ...this.retryLoop(),
            exhausted: (last, attempts) => ({
                kind: 'unknown',
                reason: `${last.reason}, ${attempts} attempts`,
            }),
            onRetry: (failure, attempt, delayMs) => this.toldRetry(`event ${(0,log_text/* logText */.kc)(eventId)}`, failure.reason, attempt, delayMs),
        });
    }
    /** What every Vivenu request retries with: the policy, and waits the cancel cuts short. */
    retryLoop() {
        const { clock, signal } = this.options;
        return {
            policy: this.retry,
            random: this.random,
            wait: async (delayMs) => {
                await clock.sleep(delayMs, signal);
                signal?.throwIfAborted();
            },
        };
    }
    toldRetry(where, reason, attempt, delayMs) {
        this.options.logger.info(`${where}: ${reason}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`);
        this.retries++;
    }
    async eventAttempt(url, eventId, refusedBefore) {
        const response = await this.getPage(url, refusedBefore, MAX_EVENT_BYTES);
        if ('kind' in response)
            return response;
        // Not load, so not retried; the pages that follow say plainly if it concerns them too.
        if ('refused' in response)
            return { kind: 'unknown', reason: response.refused };
        const { status } = response;
        if (status === 403)
            return { kind: 'forbidden' };
        if (status === 401 || status === 404 || (status >= 300 && status < 400)) {
            throw new errors/* VivenuError */.S7(this.eventRefusal(response, eventId), response.status);
        }
        if ((0,retry/* isRetryableStatus */.PS)(status)) {
            if (status === 429)
                this.rateLimited++;
            return {
                kind: 'retry',
                reason: `HTTP ${status}`,
                retryAfterMs: (0,retry/* parseRetryAfter */.mu)(response.retryAfter, this.options.clock.now()),
            };
        }
        if (status < 200 || status > 299)
            return { kind: 'unknown', reason: `HTTP ${status}` };
        let json;
        try {
            json = JSON.parse(response.text);
        }
        catch {
            return { kind: 'retry', reason: 'answer is not JSON' };
        }
        const parsed = (0,event_info/* parseEventInfo */.K_)(eventId, json);
        return 'info' in parsed
            ? { kind: 'found', info: parsed.info }
            : { kind: 'retry', reason: parsed.problem };
    }
    eventRefusal(answer, eventId) {
        const { region, origin } = this.options;
        if (answer.status !== 404)
            return this.refusal(answer, eventId);
        return (`Vivenu has no event ${(0,log_text/* logText */.kc)(eventId)} for the ${region} API key (404 from ${origin}/api/events): ` +
            `the event most likely belongs to another region's account. This run used the ${region}_API secret; ` +
            `set region to the event's region (its <REGION>_API secret), or check the event id. Nothing was pulled or sent.`);
    }
    async attempt(eventId, skip, top, refusedBefore) {
        const url = new URL('/api/tickets', this.options.origin);
        url.search = new URLSearchParams({
            event: eventId,
            top: String(top),
            skip: String(skip),
        }).toString();
        const response = await this.getPage(url, refusedBefore);
        if ('kind' in response)
            return response;
        if ('refused' in response) {
            throw new errors/* VivenuError */.S7(`Vivenu's answer for event ${(0,log_text/* logText */.kc)(eventId)}, tickets from ${(0,format/* count */.U)(skip)} was refused: ${response.refused}. ` +
                `Not retried, as load does not cause it: check that vivenu-url (${this.options.origin}) reaches Vivenu's API directly, not through a proxy that rewrites answers.`);
        }
        const body = response.text;
        if (response.status < 200 || response.status > 299) {
            if (response.status === 429)
                this.rateLimited++;
            if ((0,retry/* isRetryableStatus */.PS)(response.status)) {
                return {
                    kind: 'retry',
                    reason: `HTTP ${response.status}`,
                    status: response.status,
                    load: true,
                    retryAfterMs: (0,retry/* parseRetryAfter */.mu)(response.retryAfter, this.options.clock.now()),
                };
            }
            throw new errors/* VivenuError */.S7(this.refusal(response, eventId), response.status);
        }
        let json;
        try {
            // Every number as Vivenu wrote it: the files and the delivery carry the same text.
            json = (0,ticket_json/* parseKeepingNumbers */.jq)(body);
        }
        catch {
            return { kind: 'retry', reason: 'answer is not JSON' };
        }
        const parsed = pageSchema.safeParse(json);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return {
                kind: 'retry',
                reason: `answer is not a ticket page (${issue?.path.join('.') || 'body'}: ${issue?.message})`,
            };
        }
        // Keep the rows exactly as received: the schema checks them, the raw objects travel on.
        return {
            kind: 'page',
            page: { rows: json.rows, total: parsed.data.total },
        };
    }
    /**
     * One GET within the request timeout, counted: the answer; or why it was refused unread (a
     * content coding not asked for: a compressed answer can expand a thousandfold; over the size
     * allowed), which is not load, so not retried; or a failure below HTTP worth another try. A
     * failure no retry can fix (a blocked port, an unknown host) throws, naming vivenu-url.
     */
    async getPage(url, refusedBefore, maxBytes = MAX_PAGE_BYTES) {
        const timeout = AbortSignal.timeout(this.requestTimeoutMs);
        const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
        this.apiCalls++;
        try {
            return await this.http.get(url, {
                authorization: `Bearer ${this.options.apiKey}`,
                accept: 'application/json',
                'user-agent': 'vivenu-historical-sync',
            }, signal, maxBytes);
        }
        catch (error) {
            if (error instanceof errors/* AnswerRefusedError */.bZ)
                return { refused: error.message };
            this.options.signal?.throwIfAborted();
            const failure = (0,retry/* classifyNetworkFailure */.Po)(error, url, refusedBefore);
            if (failure.lasting) {
                throw new errors/* VivenuError */.S7(`vivenu-url (${this.options.origin}) cannot work: ${failure.lasting}. Nothing was pulled; no retry can fix this.`);
            }
            const load = error?.name === 'TimeoutError';
            return { kind: 'retry', reason: failure.reason, refused: failure.refused, load };
        }
    }
    refusal({ status, location }, eventId) {
        const { region, origin } = this.options;
        if (status >= 300 && status < 400) {
            // Followed, a redirect could take the API key to another host: it is an answer to refuse.
            const to = URL.canParse(location ?? '', origin)
                ? ` to ${new URL(location, origin).origin}`
                : '';
            return `Vivenu answered ${status}, a redirect${to}, which is not followed: check vivenu-url (${origin}).`;
        }
        switch (status) {
            case 401:
                return `Vivenu refused the API key (401) for region ${region} at ${origin}: check the api-key input (the ${region}_API secret) and that it belongs to this region.`;
            case 403:
                return `Vivenu says the API key may not read tickets of event ${eventId} (403): the event may belong to another region's seller.`;
            case 404:
                return `Vivenu has no ticket list at ${origin} (404): check vivenu-url, or the region's default host.`;
            case 400:
                return `Vivenu rejected the ticket query for event ${eventId} (400): check the event id and page-size.`;
            default:
                return `Vivenu refused the ticket query for event ${eventId} (HTTP ${status}).`;
        }
    }
}


/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 691:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  YOg: () => (/* binding */ array),
  gMt: () => (/* binding */ discriminatedUnion),
  k5n: () => (/* binding */ schemas_enum),
  euz: () => (/* binding */ literal),
  _H3: () => (/* binding */ looseObject),
  aig: () => (/* binding */ schemas_number),
  Ikc: () => (/* binding */ object),
  vkY: () => (/* binding */ preprocess),
  g1P: () => (/* binding */ record),
  YjP: () => (/* binding */ schemas_string),
  L5J: () => (/* binding */ unknown)
});

// UNUSED EXPORTS: ZodAny, ZodArray, ZodBase64, ZodBase64URL, ZodBigInt, ZodBigIntFormat, ZodBoolean, ZodCIDRv4, ZodCIDRv6, ZodCUID, ZodCUID2, ZodCatch, ZodCodec, ZodCreditCard, ZodCustom, ZodCustomStringFormat, ZodDate, ZodDefault, ZodDiscriminatedUnion, ZodE164, ZodEmail, ZodEmoji, ZodEnum, ZodExactOptional, ZodFile, ZodFunction, ZodGUID, ZodIBAN, ZodIPv4, ZodIPv6, ZodISODate, ZodISODateTime, ZodISODuration, ZodISOTime, ZodInstanceOf, ZodIntersection, ZodJWT, ZodKSUID, ZodLazy, ZodLiteral, ZodMAC, ZodMap, ZodNaN, ZodNanoID, ZodNever, ZodNonOptional, ZodNull, ZodNullable, ZodNumber, ZodNumberFormat, ZodObject, ZodOptional, ZodPipe, ZodPrefault, ZodPreprocess, ZodPromise, ZodReadonly, ZodRecord, ZodSet, ZodString, ZodStringFormat, ZodSuccess, ZodSymbol, ZodTemplateLiteral, ZodTransform, ZodTuple, ZodType, ZodULID, ZodURL, ZodUUID, ZodUndefined, ZodUnion, ZodUnknown, ZodVoid, ZodXID, ZodXor, _ZodString, _default, _function, any, base64, base64url, bigint, boolean, catch, check, cidrv4, cidrv6, codec, creditCard, cuid, cuid2, currencyCode, custom, date, describe, e164, email, emoji, exactOptional, file, float32, float64, function, guid, hash, hex, hostname, httpUrl, iban, instanceof, int, int32, int64, intersection, invertCodec, ipv4, ipv6, json, jwt, keyof, ksuid, lazy, looseRecord, mac, map, meta, nan, nanoid, nativeEnum, never, nonoptional, null, nullable, nullish, optional, partialRecord, pipe, prefault, promise, readonly, refine, set, strictObject, stringFormat, stringbool, success, superRefine, symbol, templateLiteral, transform, tuple, uint32, uint64, ulid, undefined, union, url, uuid, uuidv4, uuidv6, uuidv7, void, xid, xor

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __nccwpck_require__(532);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/util.js
var core_util = __nccwpck_require__(723);
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/memoizer.js

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack, resolve);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (spread && !desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = core_util/* rawShape */.MO(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw, true) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack, false) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a new built-in kind becomes a compile error here
            kind;
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
/**
 * Whether one parse can re-enter this schema, i.e. its subtree contains a cycle.
 * Exported for `z.compile`, which refuses to compile such a schema: cycle
 * breaking is driven from here off state keyed on the parse context, and a
 * generated fast path has no context to key on.
 */
function isRecursiveSchema(inst) {
    // z.compile never parses, so nothing would ever resolve a lazy for it; it runs once and already treats a throw here as recursive
    return isRecursive(inst, new Set(), true) !== NONE;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const memoizer_open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        memoizer_open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set(), false);
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = memoizer_open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = memoizer_open.length > depth ? memoizer_open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/regexes.js

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** Implements ISO 8601-2 extensions like explicit +- prefixes, mixing weeks with other units, and fractional/negative components. */
const extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
const uuid4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(4)));
const uuid6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(6)));
const uuid7 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(7)));
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Equivalent to the HTML5 input[type=email] validation implemented by browsers. Source: https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input/email */
const html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The classic emailregex.com regex for RFC 5322-compliant emails */
const rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
/** A loose regex that allows Unicode characters, enforces length limits, and that's about it. */
const unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
const idnEmail = (/* unused pure expression or super */ null && (unicodeEmail));
const browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const mac = (delimiter) => {
    const escapedDelim = util.escapeRegex(delimiter ?? ":");
    return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
// based on https://stackoverflow.com/questions/106179/regular-expression-to-match-dns-hostname-or-ip-address
// export const hostname: RegExp = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
const hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
const domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
// Credit card shape: 12–19 digits, optionally separated by single spaces or single hyphens. ISO/IEC 7812 caps the PAN at 19 digits; 12 is the shortest issued length (Maestro).
const creditCard = /^\d(?:[ -]?\d){11,18}$/;
// ISO 4217 alpha codes from the SIX list, regenerated by scripts/update-iso-4217.ts
const currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
// iban electronic format: 2-letter country, check digits 02-98 (the only values `98 - remainder` can produce), 11-30 bban characters
const iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
 * esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
 * will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function regexes_anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ regexes_anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const string = (params) => {
    const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
    return new RegExp(`^${regex}$`);
};
const bigint = /^-?\d+n?$/;
const integer = /^-?\d+$/;
const number = /^-?\d+(?:\.\d+)?$/;
const regexes_boolean = /^(?:true|false)$/i;
const _null = /^null$/i;

const _undefined = /^undefined$/i;

// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;
// regex for hexadecimal strings (any length)
const hex = /^[0-9a-fA-F]*$/;
// Hash regexes for different algorithms and encodings
// Helper function to create base64 regex with exact length and padding
function fixedBase64(bodyLength, padding) {
    return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
// Helper function to create base64url regex with exact length (no padding)
function fixedBase64url(length) {
    return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
// MD5 (16 bytes): base64 = 24 chars total (22 + "==")
const md5_hex = /^[0-9a-fA-F]{32}$/;
const md5_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(22, "==")));
const md5_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(22)));
// SHA1 (20 bytes): base64 = 28 chars total (27 + "=")
const sha1_hex = /^[0-9a-fA-F]{40}$/;
const sha1_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(27, "=")));
const sha1_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(27)));
// SHA256 (32 bytes): base64 = 44 chars total (43 + "=")
const sha256_hex = /^[0-9a-fA-F]{64}$/;
const sha256_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(43, "=")));
const sha256_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(43)));
// SHA384 (48 bytes): base64 = 64 chars total (no padding)
const sha384_hex = /^[0-9a-fA-F]{96}$/;
const sha384_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(64, "")));
const sha384_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(64)));
// SHA512 (64 bytes): base64 = 88 chars total (86 + "==")
const sha512_hex = /^[0-9a-fA-F]{128}$/;
const sha512_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(86, "==")));
const sha512_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(86)));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/checks.js
// import { $ZodType } from "./schemas.js";



const $ZodCheck = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for size-based checks: run only on non-nullish values with a `size`. */
const _whenHasSize = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.size !== undefined;
};
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !core_util/* nullish */.cl(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : core_util/* floatSafeRemainder */.LG(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = core_util/* NUMBER_FORMAT_RANGES */.zH[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckBigIntFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    const [minimum, maximum] = util.BIGINT_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (input < minimum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_small",
                minimum: minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckMaxSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size <= def.maximum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size >= def.minimum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckSizeEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckSizeEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size === def.size)
            return;
        const tooBig = size > def.size;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            ...(tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMaxLength = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? core_util/* codePointLength */.O7(input) : units;
        if (length <= def.maximum)
            return;
        const origin = core_util/* getLengthableOrigin */.Rc(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? core_util/* codePointLength */.O7(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = core_util/* getLengthableOrigin */.Rc(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? core_util/* codePointLength */.O7(input)
            : units;
        if (length === def.length)
            return;
        const origin = core_util/* getLengthableOrigin */.Rc(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = core_util/* escapeRegex */.sD(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${core_util/* escapeRegex */.sD(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${core_util/* escapeRegex */.sD(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
///////////////////////////////////
/////    $ZodCheckProperty    /////
///////////////////////////////////
function handleCheckPropertyResult(result, payload, property) {
    if (result.issues.length) {
        payload.issues.push(...core_util/* prefixIssues */.lQ(property, result.issues));
    }
}
const $ZodCheckProperty = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperty", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        const result = def.schema._zod.run({
            value: payload.value[def.property],
            issues: [],
        }, {});
        if (result instanceof Promise) {
            return result.then((result) => handleCheckPropertyResult(result, payload, def.property));
        }
        handleCheckPropertyResult(result, payload, def.property);
        return;
    };
})));
const $ZodCheckProperties = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckProperties", (inst, def) => {
    $ZodCheck.init(inst, def);
    core_util/* hide */.jD(inst, Symbol.iterator, function* () {
        yield inst;
    });
    // key and schema snapshotted together: reading one live and the other cached lets a later mutation of the caller's shape object pair a stale key with a missing schema
    let entries;
    inst._zod.check = (payload) => {
        // the base schema already typed the value, so only a nullish one is rejected here: the properties read on a primitive too, matching z.property() on a string's length
        if (payload.value == null) {
            payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
            return undefined;
        }
        entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
        const input = payload.value;
        let proms;
        for (const [key, schema] of entries) {
            const result = schema._zod.run({ value: input[key], issues: [] }, {});
            if (result instanceof Promise) {
                proms ?? (proms = []);
                proms.push(result.then((result) => handleCheckPropertyResult(result, payload, key)));
            }
            else {
                handleCheckPropertyResult(result, payload, key);
            }
        }
        if (proms)
            return Promise.all(proms).then(() => undefined);
        return undefined;
    };
});
const $ZodCheckMimeType = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMimeType", (inst, def) => {
    $ZodCheck.init(inst, def);
    const mimeSet = new Set(def.mime);
    inst._zod.check = (payload) => {
        if (mimeSet.has(payload.value.type))
            return;
        payload.issues.push({
            code: "invalid_value",
            values: def.mime,
            input: payload.value.type,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckOverwrite = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/doc.js
class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/versions.js
const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/schemas.js







const $ZodType = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = core_util/* aborted */.QH(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (core_util/* explicitlyAborted */.rL(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new core_core/* $ZodAsyncError */.GT();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        core_util/* attachSchema */.d3(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = core_util/* aborted */.QH(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    core_util/* attachSchema */.d3(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = core_util/* aborted */.QH(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (core_util/* aborted */.QH(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new core_core/* $ZodAsyncError */.GT();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new core_core/* $ZodAsyncError */.GT();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return core_util/* hide */.jD(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        core_util/* own */.qh(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}

const $ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
    }
    else
        def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMAC", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.mac(def.delimiter));
    $ZodStringFormat.init(inst, def);
})));
const $ZodCIDRv4 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodCreditCard   //////////////////////////////
const CC_SANITIZE = /[- ]/g;
/** Luhn checksum on a digit-only string. Adapted from valibot (MIT). */
function isLuhnAlgo(digits) {
    let length = digits.length;
    let bit = 1;
    let sum = 0;
    while (length) {
        const value = digits.charCodeAt(--length) - 48;
        bit ^= 1;
        sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
    }
    return sum % 10 === 0;
}
function isValidCreditCard(input) {
    if (!regexes.creditCard.test(input))
        return false;
    return isLuhnAlgo(input.replace(CC_SANITIZE, ""));
}
const $ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCreditCard", (inst, def) => {
    // Shape only — the Luhn check below is not expressible as a pattern, so consumers of `pattern` (JSON Schema, template literals) get the length and separator rules alone.
    def.pattern ?? (def.pattern = regexes.creditCard);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidCreditCard(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "credit_card",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodIBAN   //////////////////////////////
// iso 7064 mod 97-10 checksum without BigInt
function isIso7064Mod97(iban) {
    let remainder = 0;
    const len = iban.length;
    for (let i = 4; i < len; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    for (let i = 0; i < 4; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    return remainder === 1;
}
function isValidIBAN(input) {
    if (!regexes.iban.test(input))
        return false;
    return isIso7064Mod97(input);
}
const $ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIBAN", (inst, def) => {
    // shape only — checksum is not expressible as a pattern
    def.pattern ?? (def.pattern = regexes.iban);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidIBAN(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "iban",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustomStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (def.fn(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodNumber = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.boolean;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodBigInt = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBigInt", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = bigint;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = BigInt(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "bigint")
            return payload;
        payload.issues.push({
            expected: "bigint",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigIntFormat", (inst, def) => {
    checks.$ZodCheckBigIntFormat.init(inst, def);
    $ZodBigInt.init(inst, def); // no format checks
})));
const $ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSymbol", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "symbol")
            return payload;
        payload.issues.push({
            expected: "symbol",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUndefined", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.undefined;
    inst._zod.values = new Set([undefined]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "undefined",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.null;
    inst._zod.values = new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (input === null)
            return payload;
        payload.issues.push({
            expected: "null",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodAny", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodUnknown = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodVoid", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "void",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodDate = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodDate", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
            try {
                payload.value = new Date(payload.value);
            }
            catch (_err) { }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
            return payload;
        payload.issues.push({
            expected: "date",
            code: "invalid_type",
            input,
            ...(isDate ? { received: "Invalid Date" } : {}),
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = core_util/* sizeCaps */.hi(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of core_util/* sizeCaps */.hi(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    core_util/* attachSchema */.d3(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
const mapSize = (input) => (input instanceof Map ? input.size : -1);
const setSize = (input) => (input instanceof Set ? input.size : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...core_util/* prefixIssues */.lQ(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && core_util/* aborted */.QH(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = core_util/* optionalKeys */.NM(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (core_util/* aborted */.QH(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = core_util/* cached */.PO(() => normalizeDef(def));
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    core_util/* assignProp */.Vy(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject = core_util/* isObject */.Gv;
    const catchall = def.catchall;
    let value;
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (core_util/* aborted */.QH(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = core_util/* cached */.PO(() => normalizeDef(def));
    const memo = core_core/* globalConfig */.cr.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : core_util/* esc */.UQ(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject = core_util/* isObject */.Gv;
    const jit = !core_core/* globalConfig */.cr.jitless;
    const allowsEval = core_util/* allowsEval */.hI;
    const fastEnabled = jit && allowsEval.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !core_util/* aborted */.QH(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => core_util/* cleanRegex */.p6(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function handleExclusiveUnionResults(results, final, inst, ctx) {
    const matches = [];
    for (let i = 0; i < results.length; i++) {
        if (results[i].issues.length === 0)
            matches.push(i);
    }
    if (matches.length === 1) {
        final.value = results[matches[0]].value;
        return final;
    }
    if (matches.length === 0) {
        // No matches - same as regular union
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
        });
    }
    else {
        // Multiple matches - exclusive union failure
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: [],
            inclusive: false,
            matches,
        });
    }
    return final;
}
const $ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXor", (inst, def) => {
    $ZodUnion.init(inst, def);
    def.inclusive = false;
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                results.push(result);
            }
        }
        if (!async)
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        });
    };
})));
/** Returns the option whose discriminator claims `value`, or throws if ambiguous. */
function getDiscriminatedOption(union, value) {
    const internals = union._zod;
    let map = internals.bag.optionsMap;
    if (!map) {
        map = discriminatorMap(internals.def);
        internals.bag.optionsMap = map;
    }
    const option = map.get(value);
    if (option === null)
        throw new Error(`Ambiguous discriminator value "${String(value)}"`);
    return option;
}
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
core_core/* $constructor */.xI("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    core_util/* assignProp */.Vy(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = core_util/* rawShape */.MO(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = core_util/* cached */.PO(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!core_util/* isObject */.Gv(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
});
const $ZodIntersection = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (core_util/* isPlainObject */.Qd(a) && core_util/* isPlainObject */.Qd(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (core_util/* aborted */.QH(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = core_util/* aborted */.QH(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (core_util/* aborted */.QH(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
});
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...core_util/* prefixIssues */.lQ(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...core_util/* prefixIssues */.lQ(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!core_util/* isPlainObject */.Qd(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMap", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Map)) {
            payload.issues.push({
                expected: "map",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Map(), ctx) : new Map();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const [key, value] of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            const valueResult = def.valueType._zod.run({ value: value, issues: [] }, ctx);
            if (keyResult instanceof Promise || valueResult instanceof Promise) {
                proms.push(Promise.all([keyResult, valueResult]).then(([keyResult, valueResult]) => {
                    handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
                }));
            }
            else {
                handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
            }
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, mapSize);
})));
function handleMapResult(keyResult, valueResult, final, key, input, inst, ctx) {
    if (keyResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, keyResult.issues));
        }
        else {
            final.issues.push({
                code: "invalid_key",
                origin: "map",
                input,
                inst,
                issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    if (valueResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, valueResult.issues));
        }
        else {
            final.issues.push({
                origin: "map",
                code: "invalid_element",
                input,
                inst,
                key: key,
                issues: valueResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    final.value.set(keyResult.value, valueResult.value);
}
const $ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSet", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Set)) {
            payload.issues.push({
                input,
                inst,
                expected: "set",
                code: "invalid_type",
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Set(), ctx) : new Set();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const item of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleSetResult(result, payload)));
            }
            else
                handleSetResult(result, payload);
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, setSize);
})));
function handleSetResult(result, final) {
    if (result.issues.length) {
        final.issues.push(...result.issues);
    }
    final.value.add(result.value);
}
const $ZodEnum = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = core_util/* getEnumValues */.w5(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const patternValues = core_util/* getEnumValues */.w5(zod.def.entries).filter((k) => core_util/* propertyKeyTypes */.qQ.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => core_util/* escapeRegex */.sD(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? core_util/* escapeRegex */.sD(o) : o ? core_util/* escapeRegex */.sD(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFile", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        // @ts-ignore
        if (input instanceof File)
            return payload;
        payload.issues.push({
            expected: "file",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodTransform = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    core_core/* globalConfig */.cr.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core_core/* $ZodEncodeError */.cV(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new core_core/* $ZodAsyncError */.GT();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${core_util/* cleanRegex */.p6(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${core_util/* cleanRegex */.p6(pattern.source)}|null)$`) : undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
const $ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSuccess", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core.$ZodEncodeError("ZodSuccess");
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => {
                payload.value = result.issues.length === 0;
                return payload;
            });
        }
        payload.value = result.issues.length === 0;
        return payload;
    };
})));
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNaN", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "nan",
                code: "invalid_type",
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodPipe = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.in._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.in._zod.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.out._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCodec", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        const direction = ctx.direction || "forward";
        if (direction === "forward") {
            const left = def.in._zod.run(payload, ctx);
            if (left instanceof Promise) {
                return left.then((left) => handleCodecAResult(left, def, ctx));
            }
            return handleCodecAResult(left, def, ctx);
        }
        else {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handleCodecAResult(right, def, ctx));
            }
            return handleCodecAResult(right, def, ctx);
        }
    };
})));
function handleCodecAResult(result, def, ctx) {
    if (result.issues.length) {
        // prevent further checks
        result.aborted = true;
        return result;
    }
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
        const transformed = def.transform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
        }
        return handleCodecTxResult(result, transformed, def.out, ctx);
    }
    else {
        const transformed = def.reverseTransform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
        }
        return handleCodecTxResult(result, transformed, def.in, ctx);
    }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
    // Check if transform added any issues
    if (left.issues.length) {
        left.aborted = true;
        return left;
    }
    return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
const $ZodPreprocess = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodPreprocess", (inst, def) => {
    $ZodPipe.init(inst, def);
});
const $ZodReadonly = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
// a leaf's pattern source with its own checks folded in: the last pattern-carrying check wins, else length bounds narrow the catch-all, else an integer format narrows the number form. the fold lives here instead of on `_zod.pattern` so a bundle without template literals never pays for it
function leafPattern(schema) {
    const def = schema._zod.def;
    let pattern = def.pattern;
    let isInt = !!def.format?.includes("int");
    let minimum;
    let maximum;
    for (const ch of def.checks ?? []) {
        const d = ch._zod.def;
        if (d.pattern)
            pattern = d.pattern;
        isInt || (isInt = !!d.format?.includes("int"));
        const lo = d.minimum ?? d.length;
        const hi = d.maximum ?? d.length;
        if (lo !== undefined && (minimum === undefined || lo > minimum))
            minimum = lo;
        if (hi !== undefined && (maximum === undefined || hi < maximum))
            maximum = hi;
    }
    if (pattern)
        return pattern.source;
    // an empty range matches nothing at runtime, and `{8,5}` is not a legal quantifier
    if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        return "(?!)";
    if (minimum !== undefined || maximum !== undefined)
        return regexes.string({ minimum, maximum }).source;
    const own = schema._zod.pattern;
    return (isInt && own === regexes.number ? regexes.integer : own)?.source;
}
// a part's pattern source. a wrapper's pattern embeds its inner pattern's source verbatim, so the folded form is substituted in place without knowing the wrapper's own composition; a union's options are joined the way the union builds its own pattern
function partPattern(schema) {
    const def = schema._zod.def;
    const own = schema._zod.pattern?.source;
    // lazy resolves its inner on the internals, not the def
    const inner = def.innerType ?? schema._zod.innerType;
    if (inner) {
        const before = inner._zod.pattern?.source;
        const after = partPattern(inner);
        if (own && before && after && after !== before) {
            return own.replace(util.cleanRegex(before), () => util.cleanRegex(after));
        }
        return own;
    }
    if (def.options) {
        const sources = def.options.map(partPattern);
        if (sources.every(Boolean))
            return `^(${sources.map((s) => util.cleanRegex(s)).join("|")})$`;
    }
    return leafPattern(schema);
}
const $ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTemplateLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const regexParts = [];
    for (const part of def.parts) {
        if (typeof part === "object" && part !== null) {
            // is Zod schema
            const source = partPattern(part);
            if (!source) {
                throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
            }
            regexParts.push(util.cleanRegex(source));
        }
        else if (part === null || util.primitiveTypes.has(typeof part)) {
            regexParts.push(util.escapeRegex(`${part}`));
        }
        else {
            throw new Error(`Invalid template literal part: ${part}`);
        }
    }
    inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "string") {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "string",
                code: "invalid_type",
            });
            return payload;
        }
        inst._zod.pattern.lastIndex = 0;
        if (!inst._zod.pattern.test(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                code: "invalid_format",
                format: def.format ?? "template_literal",
                pattern: inst._zod.pattern.source,
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFunction", (inst, def) => {
    $ZodType.init(inst, def);
    // Defined, not assigned: the classic prototype exposes `_def` as a getter with no setter.
    Object.defineProperty(inst, "_def", { value: def });
    inst._zod.def = def;
    inst.implement = (func) => {
        if (typeof func !== "function") {
            throw new Error("implement() must be called with a function");
        }
        // Defined inline so the closure stays anonymous: binding it to a `const` first names it, which costs 256 bytes per implemented function.
        return Object.defineProperty(function (...args) {
            const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
            const result = Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return parse(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst.implementAsync = (func) => {
        if (typeof func !== "function") {
            throw new Error("implementAsync() must be called with a function");
        }
        return Object.defineProperty(async function (...args) {
            const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
            const result = await Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return await parseAsync(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "function") {
            payload.issues.push({
                code: "invalid_type",
                expected: "function",
                input: payload.value,
                inst,
            });
            return payload;
        }
        // Check if output is a promise type to determine if we should use async implementation
        const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
        if (hasPromiseOutput) {
            payload.value = inst.implementAsync(payload.value);
        }
        else {
            payload.value = inst.implement(payload.value);
        }
        return payload;
    };
    inst.input = (...args) => {
        const F = inst.constructor;
        if (Array.isArray(args[0])) {
            return new F({
                type: "function",
                input: new $ZodTuple({
                    type: "tuple",
                    items: args[0],
                    rest: args[1],
                }),
                output: inst._def.output,
            });
        }
        return new F({
            type: "function",
            input: args[0],
            output: inst._def.output,
        });
    };
    inst.output = (output) => {
        const F = inst.constructor;
        return new F({
            type: "function",
            input: inst._def.input,
            output,
        });
    };
    return inst;
})));
const $ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPromise", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
    };
})));
const $ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLazy", (inst, def) => {
    $ZodType.init(inst, def);
    // Cache the resolved inner type on the shared `def` so all clones of this lazy (e.g. via `.describe()`/`.meta()`) share the same inner instance, preserving identity for cycle detection on recursive schemas.
    util.defineLazy(inst._zod, "innerType", () => {
        const d = def;
        if (!d._cachedInner)
            d._cachedInner = def.getter();
        return d._cachedInner;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
    util.defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? undefined);
    inst._zod.parse = (payload, ctx) => {
        const inner = inst._zod.innerType;
        return inner._zod.run(payload, ctx);
    };
})));
const $ZodCustom = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(core_util/* issue */.sn(_iss));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/registries.js
var _a;
const $output = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodOutput")));
const $input = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodInput")));
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/api.js




function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...core_util/* normalizeParams */.A2(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class, params) {
    return new Class(snapshotChecks({ type: "string", coerce: true, ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class, params) {
    return new Class({
        type: "string",
        format: "mac",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class, params) {
    return new Class({
        type: "string",
        format: "credit_card",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class, params) {
    return new Class({
        type: "string",
        format: "iban",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const TimePrecision = {
    Any: null,
    Minute: -1,
    Second: 0,
    Millisecond: 3,
    Microsecond: 6,
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...core_util/* normalizeParams */.A2(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "int32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "uint32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class, params) {
    return new Class({
        type: "boolean",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class, params) {
    return new Class({
        type: "bigint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class, params) {
    return new Class({
        type: "bigint",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "int64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "uint64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class, params) {
    return new Class({
        type: "symbol",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_undefined(Class, params) {
    return new Class({
        type: "undefined",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_null(Class, params) {
    return new Class({
        type: "null",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _any(Class) {
    return new Class({
        type: "any",
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _void(Class, params) {
    return new Class({
        type: "void",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _date(Class, params) {
    return new Class({
        type: "date",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class, params) {
    return new Class({
        type: "date",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class, params) {
    return new Class({
        type: "nan",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...core_util/* normalizeParams */.A2(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...core_util/* normalizeParams */.A2(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...core_util/* normalizeParams */.A2(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...core_util/* normalizeParams */.A2(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// negative
// @__NO_SIDE_EFFECTS__
function _negative(params) {
    return _lt(0, params);
}
// nonpositive
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
    return _lte(0, params);
}
// nonnegative
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
    return _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
        check: "multiple_of",
        ...core_util/* normalizeParams */.A2(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
    return new checks.$ZodCheckMaxSize({
        check: "max_size",
        ...util.normalizeParams(params),
        maximum,
    });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
    return new checks.$ZodCheckMinSize({
        check: "min_size",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
    return new checks.$ZodCheckSizeEquals({
        check: "size_equals",
        ...util.normalizeParams(params),
        size,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...core_util/* normalizeParams */.A2(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...core_util/* normalizeParams */.A2(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new $ZodCheckLengthEquals({
        check: "length_equals",
        ...core_util/* normalizeParams */.A2(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...core_util/* normalizeParams */.A2(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new $ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new $ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new $ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...core_util/* normalizeParams */.A2(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...core_util/* normalizeParams */.A2(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...core_util/* normalizeParams */.A2(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
    return new checks.$ZodCheckProperty({
        check: "property",
        property,
        schema,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
    return new $ZodCheckProperties({
        check: "properties",
        shape,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
    return new checks.$ZodCheckMimeType({
        check: "mime_type",
        mime: types,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => core_util/* slugify */.Yv(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _union(Class, options, params) {
    return new Class({
        type: "union",
        options,
        ...util.normalizeParams(params),
    });
}
function _xor(Class, options, params) {
    return new Class({
        type: "union",
        options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class, discriminator, options, params) {
    return new Class({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class, left, right) {
    return new Class({
        type: "intersection",
        left,
        right,
    });
}
// export function _tuple(
//   Class: util.SchemaClass<schemas.$ZodTuple>,
//   items: [],
//   params?: string | $ZodTupleParams
// ): schemas.$ZodTuple<[], null>;
// @__NO_SIDE_EFFECTS__
function _tuple(Class, items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof schemas.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new Class({
        type: "tuple",
        items,
        rest,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _record(Class, keyType, valueType, params) {
    return new Class({
        type: "record",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _map(Class, keyType, valueType, params) {
    return new Class({
        type: "map",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _set(Class, valueType, params) {
    return new Class({
        type: "set",
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class, values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    // if (Array.isArray(values)) {
    //   for (const value of values) {
    //     entries[value] = value;
    //   }
    // } else {
    //   Object.assign(entries, values);
    // }
    // const entries: util.EnumLike = {};
    // for (const val of values) {
    //   entries[val] = val;
    // }
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function _nativeEnum(Class, entries, params) {
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class, value, params) {
    return new Class({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _file(Class, params) {
    return new Class({
        type: "file",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class, fn) {
    return new Class({
        type: "transform",
        transform: fn,
    });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class, innerType) {
    return new Class({
        type: "optional",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class, innerType) {
    return new Class({
        type: "nullable",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _default(Class, innerType, defaultValue) {
    return new Class({
        type: "default",
        innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class, innerType, params) {
    return new Class({
        type: "nonoptional",
        innerType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _success(Class, innerType) {
    return new Class({
        type: "success",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class, innerType, catchValue) {
    return new Class({
        type: "catch",
        innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : util.constantCatch(catchValue)),
    });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class, in_, out) {
    return new Class({
        type: "pipe",
        in: in_,
        out,
    });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class, innerType) {
    return new Class({
        type: "readonly",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class, parts, params) {
    return new Class({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class, getter) {
    return new Class({
        type: "lazy",
        getter,
    });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class, innerType) {
    return new Class({
        type: "promise",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = util.normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...core_util/* normalizeParams */.A2(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(core_util/* issue */.sn(issue, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(core_util/* issue */.sn(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...core_util/* normalizeParams */.A2(params),
    });
    ch._zod.check = fn;
    return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
    const ch = new $ZodCheck({ check: "describe" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, description });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
    const ch = new $ZodCheck({ check: "meta" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, ...metadata });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
    const params = util.normalizeParams(_params);
    let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
    let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
    if (params.case !== "sensitive") {
        truthyArray = truthyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
        falsyArray = falsyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
    }
    const truthySet = new Set(truthyArray);
    const falsySet = new Set(falsyArray);
    const _Codec = Classes.Codec ?? schemas.$ZodCodec;
    const _Boolean = Classes.Boolean ?? schemas.$ZodBoolean;
    const _String = Classes.String ?? schemas.$ZodString;
    const stringSchema = new _String({ type: "string", error: params.error });
    const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
    const codec = new _Codec({
        type: "pipe",
        in: stringSchema,
        out: booleanSchema,
        transform: ((input, payload) => {
            let data = input;
            if (params.case !== "sensitive")
                data = data.toLowerCase();
            if (truthySet.has(data)) {
                return true;
            }
            else if (falsySet.has(data)) {
                return false;
            }
            else {
                payload.issues.push({
                    code: "invalid_value",
                    expected: "stringbool",
                    values: [...truthySet, ...falsySet],
                    input: payload.value,
                    inst: codec,
                    continue: false,
                });
                return {};
            }
        }),
        reverseTransform: ((input, _payload) => {
            if (input === true) {
                return truthyArray[0] || "true";
            }
            else {
                return falsyArray[0] || "false";
            }
        }),
        error: params.error,
    });
    codec._zod.bag.truthy = truthyArray;
    codec._zod.bag.falsy = falsyArray;
    codec._zod.bag.case = params.case ?? "insensitive";
    return codec;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class, format, fnOrRegex, _params = {}) {
    const params = util.normalizeParams(_params);
    const def = {
        check: "string_format",
        type: "string",
        format,
        fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
        ...params,
    };
    if (fnOrRegex instanceof RegExp) {
        def.pattern = fnOrRegex;
    }
    const inst = new Class(def);
    return inst;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/to-json-schema.js


function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                (0,core_util/* assignProp */.Vy)(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function to_json_schema_initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? globalRegistry,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function to_json_schema_processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            to_json_schema_processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
/** @deprecated Renamed to `processSchema`. An export alias declares no binding, so it is safe to keep. */

// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function to_json_schema_extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            (0,core_util/* assignProp */.Vy)(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function to_json_schema_finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") {
        // OpenAPI 3.0 schema objects should not include a $schema property
    }
    else {
        // Arbitrary string values are allowed but won't have a $schema property set
    }
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                (0,core_util/* assignProp */.Vy)(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) {
    }
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = to_json_schema_initializeContext({ ...params, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = to_json_schema_initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/json-schema-processors.js




const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(core_util/* NUMBER_FORMAT_RANGES */.zH),
    bigint_format: formatContributor(core_util/* BIGINT_FORMAT_RANGES */.NR),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const bigintProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "BigInt cannot be represented in JSON Schema");
};
const symbolProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Symbols cannot be represented in JSON Schema");
};
const nullProcessor = (_schema, ctx, json, _params) => {
    if (ctx.target === "openapi-3.0") {
        json.type = "string";
        json.nullable = true;
        json.enum = [null];
    }
    else {
        json.type = "null";
    }
};
const undefinedProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Undefined cannot be represented in JSON Schema");
};
const voidProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Void cannot be represented in JSON Schema");
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const anyProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const dateProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Date cannot be represented in JSON Schema");
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = (0,core_util/* getEnumValues */.w5)(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) {
        // do nothing (an undefined literal was stripped)
    }
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const nanProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "NaN cannot be represented in JSON Schema");
};
const templateLiteralProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    const pattern = schema._zod.pattern;
    if (!pattern)
        throw new Error("Pattern not found in template literal");
    _json.type = "string";
    _json.pattern = pattern.source;
};
const fileProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    _json.type = "string";
    _json.format = "binary";
    _json.contentEncoding = "binary";
    const { minimum, maximum, mime } = aggregateChecks(schema);
    if (minimum !== undefined)
        _json.minLength = minimum;
    if (maximum !== undefined)
        _json.maxLength = maximum;
    if (!mime)
        return;
    // an empty intersection means the mime checks share no value, so nothing passes at runtime; `anyOf` must be non-empty, so the false schema is `not: {}`
    if (mime.length === 0)
        _json.not = {};
    else if (mime.length === 1)
        _json.contentMediaType = mime[0];
    // only contentMediaType differs, so the shared props stay at the root
    else
        _json.anyOf = mime.map((m) => ({ contentMediaType: m }));
};
const successProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const functionProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Function types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
const mapProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Map cannot be represented in JSON Schema");
};
const setProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Set cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = to_json_schema_processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        (0,core_util/* assignProp */.Vy)(json.properties, key, to_json_schema_processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = to_json_schema_processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = to_json_schema_processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = to_json_schema_processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
const tupleProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "array";
    const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
    const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
    const prefixItems = def.items.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, prefixPath, i],
    }));
    const rest = def.rest
        ? to_json_schema_processSchema(def.rest, ctx, {
            ...params,
            path: [...params.path, restPath, ...(ctx.target === "openapi-3.0" ? [def.items.length] : [])],
        })
        : null;
    let minItems = def.items.length;
    while (minItems > 0) {
        const item = def.items[minItems - 1];
        const optional = ctx.io === "input" ? inputOptin(item) !== undefined : item._zod.optout === "optional";
        if (!optional)
            break;
        minItems--;
    }
    const maxItems = def.items.length;
    const isClosed = !def.rest;
    if (ctx.target === "draft-2020-12") {
        json.prefixItems = prefixItems;
        if (isClosed) {
            json.items = false;
        }
        else if (rest) {
            json.items = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else if (ctx.target === "openapi-3.0") {
        json.items = {
            anyOf: prefixItems,
        };
        if (rest) {
            json.items.anyOf.push(rest);
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else {
        json.items = prefixItems;
        if (isClosed) {
            json.additionalItems = false;
        }
        else if (rest) {
            json.additionalItems = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    // explicit user-defined length checks take precedence
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
};
/** JSON object keys are always strings, so a numeric record key schema is re-expressed over the
 * numeric-string form the record parser matches. Deferred to `finalize`, after the flatten: a key
 * behind a wrapper only carries its own `type` before then, and a union key only has its branches.
 *
 * A numeric bound cannot apply to a property name, so `minimum` and its siblings are dropped rather
 * than carried over: keeping them beside `type: "string"` reproduces the match-nothing schema this
 * exists to fix. A key that carries one therefore emits wider than the record parses — `z.record(z.number().min(5), V)`
 * accepts `"3"` — which is the deliberate trade, since throwing on it would reject an ordinary schema
 * outright. */
function stringifyKeyNames(bySchema, json, visited) {
    // an extracted key that rewrites cannot go on sharing its definition — the string form a key position needs is not the number form every other reference wants — so it inlines. One that does not rewrite keeps the `$ref`.
    if (json.$ref) {
        // a recursive key holds its own reference inside its definition, so a node already on the path is left alone rather than resolved again
        if (visited.has(json))
            return json;
        visited.add(json);
        const def = bySchema.get(json)?.def;
        if (!def)
            return json;
        const inlined = stringifyKeyNames(bySchema, def, visited);
        return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
        const branches = json[keyword];
        if (!Array.isArray(branches))
            continue;
        const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
        // rebuilding regardless would detach a key that had nothing to re-express, dropping its `$ref` and leaking the internal `id`
        if (mapped.some((branch, i) => branch !== branches[i]))
            json = { ...json, [keyword]: mapped };
    }
    // a member that already admits a string leaves the key unconstrained, so the node's own type re-expresses only when every member is numeric
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
    // a heterogeneous key carries no type at all, so its numeric members are caught here instead
    const values = json.enum ?? (json.const !== undefined ? [json.const] : undefined);
    if (!numericType && !values?.some((v) => typeof v === "number"))
        return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
    if (rest.enum)
        rest.enum = rest.enum.map((v) => (typeof v === "number" ? String(v) : v));
    else if (typeof rest.const === "number")
        rest.const = String(rest.const);
    // a heterogeneous key keeps its absent type: the stringified members already say what a key may be
    if (!numericType)
        return rest;
    rest.type = "string";
    if (!values)
        rest.pattern = (types.includes("number") ? number : integer).source;
    return rest;
}
/** Every record of one conversion, so the carriers are found in a single pass rather than once per record. */
const pendingRecords = new WeakMap();
function rewriteKeyNames(ctx) {
    // an extracted key is resolved by the object `extractToDef` left in its place, so the map is built once rather than searched per reference. `_zod.toJSONSchema` can hand the same object to two schemas, so the first entry carrying a body wins, as a search would have found it.
    const bySchema = new Map();
    for (const entry of ctx.seen.values()) {
        if (entry.def && !bySchema.has(entry.schema))
            bySchema.set(entry.schema, entry);
    }
    const rewrites = new Map();
    for (const record of pendingRecords.get(ctx) ?? []) {
        const seen = ctx.seen.get(record);
        const names = (seen?.def ?? seen?.schema)?.propertyNames;
        if (!names || names === true || rewrites.has(names))
            continue;
        const rewritten = stringifyKeyNames(bySchema, names, new Set());
        if (rewritten !== names)
            rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
        return;
    // the flatten has already copied each record's own properties onto every wrapper by reference, and an extracted body is another such copy, so every carrier holding a rewritten key is updated together
    for (const entry of ctx.seen.values()) {
        for (const carrier of [entry.schema, entry.def]) {
            const rewritten = carrier && rewrites.get(carrier.propertyNames);
            if (rewritten)
                carrier.propertyNames = rewritten;
        }
    }
}
const recordProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    // For looseRecord with regex patterns, use patternProperties. This correctly represents "only validate keys matching the pattern" semantics and composes well with allOf (intersections)
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
        // Use patternProperties for looseRecord with regex patterns
        const valueSchema = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "patternProperties", "*"],
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
            (0,core_util/* assignProp */.Vy)(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
    }
    else {
        // Default behavior: use propertyNames + additionalProperties
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
            json.propertyNames = to_json_schema_processSchema(def.keyType, ctx, {
                ...params,
                path: [...params.path, "propertyNames"],
            });
            let pending = pendingRecords.get(ctx);
            if (!pending) {
                pending = [];
                pendingRecords.set(ctx, pending);
                ctx.deferred.push(() => rewriteKeyNames(ctx));
            }
            pending.push(schema);
        }
        json.additionalProperties = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
    // Add required for keys with discrete values (enum, literal, etc.)
    const keyValues = keyType._zod.values;
    // Every key shares one value schema, so an optional-in value makes the whole key set omittable on input. Output keeps them: the exhaustive branch assigns every key, even one whose value came back undefined.
    const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== undefined;
    if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
            json.required = validKeyValues.map(String);
        }
    }
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const promiseProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const lazyProcessor = (schema, ctx, _json, params) => {
    const innerType = schema._zod.innerType;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
// ==================== ALL PROCESSORS ====================
const allProcessors = {
    string: stringProcessor,
    number: numberProcessor,
    boolean: booleanProcessor,
    bigint: bigintProcessor,
    symbol: symbolProcessor,
    null: nullProcessor,
    undefined: undefinedProcessor,
    void: voidProcessor,
    never: neverProcessor,
    any: anyProcessor,
    unknown: unknownProcessor,
    date: dateProcessor,
    enum: enumProcessor,
    literal: literalProcessor,
    nan: nanProcessor,
    template_literal: templateLiteralProcessor,
    file: fileProcessor,
    success: successProcessor,
    custom: customProcessor,
    function: functionProcessor,
    transform: transformProcessor,
    map: mapProcessor,
    set: setProcessor,
    array: arrayProcessor,
    object: objectProcessor,
    union: unionProcessor,
    intersection: intersectionProcessor,
    tuple: tupleProcessor,
    record: recordProcessor,
    nullable: nullableProcessor,
    nonoptional: nonoptionalProcessor,
    default: defaultProcessor,
    prefault: prefaultProcessor,
    catch: catchProcessor,
    pipe: pipeProcessor,
    readonly: readonlyProcessor,
    promise: promiseProcessor,
    optional: optionalProcessor,
    lazy: lazyProcessor,
};
function toJSONSchema(input, params) {
    if ("_idmap" in input) {
        // Registry case
        const registry = input;
        const ctx = initializeContext({ ...params, processors: allProcessors });
        const defs = {};
        // First pass: process all schemas to build the seen map
        for (const entry of registry._idmap.entries()) {
            const [_, schema] = entry;
            processSchema(schema, ctx);
        }
        const schemas = {};
        const external = {
            registry,
            uri: params?.uri,
            defs,
        };
        // Update the context with external configuration
        ctx.external = external;
        // Second pass: emit each schema
        for (const entry of registry._idmap.entries()) {
            const [key, schema] = entry;
            extractDefs(ctx, schema);
            assignProp(schemas, key, finalize(ctx, schema));
        }
        if (Object.keys(defs).length > 0) {
            const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
            schemas.__shared = {
                [defsSegment]: defs,
            };
        }
        return { schemas };
    }
    // Single schema case
    const ctx = initializeContext({ ...params, processors: allProcessors });
    processSchema(input, ctx);
    extractDefs(ctx, input);
    return finalize(ctx, input);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/locales/en.js

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = core_util/* parsedType */.GW(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${core_util/* stringifyPrimitive */.B7(issue.values[0])}`;
                return `Invalid option: expected one of ${core_util/* joinValues */.jw(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${core_util/* joinValues */.jw(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
/* harmony default export */ function en() {
    return {
        localeError: error(),
    };
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/errors.js


/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, core_util/* jsonStringifyReplacer */.k8, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = (0,core_core/* $constructor */.xI)("$ZodError", initializer);
const $ZodRealError = (0,core_core/* $constructor */.xI)("$ZodError", initializer, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}
function treeifyError(error, mapper = (issue) => issue.message) {
    const result = { errors: [] };
    const processError = (error, path = []) => {
        var _a;
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                // regular union error
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    result.errors.push(mapper(issue));
                    continue;
                }
                let curr = result;
                let i = 0;
                while (i < fullpath.length) {
                    const el = fullpath[i];
                    const terminal = i === fullpath.length - 1;
                    if (typeof el === "string") {
                        curr.properties ?? (curr.properties = {});
                        // el may collide with an inherited property name ("__proto__",
                        // "constructor", ...); ??= reads the prototype so the node is never
                        // created and curr.errors.push throws. Guard with hasOwnProperty and
                        // create the node with defineProperty so "__proto__" becomes a real
                        // own key rather than invoking the prototype setter.
                        if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
                            Object.defineProperty(curr.properties, el, {
                                value: { errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        curr = curr.properties[el];
                    }
                    else {
                        curr.items ?? (curr.items = []);
                        (_a = curr.items)[el] ?? (_a[el] = { errors: [] });
                        curr = curr.items[el];
                    }
                    if (terminal) {
                        curr.errors.push(mapper(issue));
                    }
                    i++;
                }
            }
        }
    };
    processError(error);
    return result;
}
/** Format a ZodError as a human-readable string in the following form.
 *
 * From
 *
 * ```ts
 * ZodError {
 *   issues: [
 *     {
 *       expected: 'string',
 *       code: 'invalid_type',
 *       path: [ 'username' ],
 *       message: 'Invalid input: expected string'
 *     },
 *     {
 *       expected: 'number',
 *       code: 'invalid_type',
 *       path: [ 'favoriteNumbers', 1 ],
 *       message: 'Invalid input: expected number'
 *     }
 *   ];
 * }
 * ```
 *
 * to
 *
 * ```
 * username
 *   ✖ Expected number, received string at "username
 * favoriteNumbers[0]
 *   ✖ Invalid input: expected number
 * ```
 */
function toDotPath(_path) {
    const segs = [];
    const path = _path.map((seg) => (typeof seg === "object" ? seg.key : seg));
    for (const seg of path) {
        if (typeof seg === "number")
            segs.push(`[${seg}]`);
        else if (typeof seg === "symbol")
            segs.push(`[${JSON.stringify(String(seg))}]`);
        else if (/[^\w$]/.test(seg))
            segs.push(`[${JSON.stringify(seg)}]`);
        else {
            if (segs.length)
                segs.push(".");
            segs.push(seg);
        }
    }
    return segs.join("");
}
function prettifyError(error) {
    const lines = [];
    // sort by path length
    const issues = [...error.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
    // Process each issue
    for (const issue of issues) {
        lines.push(`✖ ${issue.message}`);
        if (issue.path?.length)
            lines.push(`  → at ${toDotPath(issue.path)}`);
    }
    // Convert Map to formatted string
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/parse.js



// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new core_core/* $ZodAsyncError */.GT();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
            core_util/* captureStackTrace */.gx(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
            core_util/* captureStackTrace */.gx(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new core_core/* $ZodAsyncError */.GT();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new core_core/* $ZodAsyncError */.GT();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const parse_validateAsync = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const encode = /* @__PURE__*/ _encode($ZodRealError);
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decode = /* @__PURE__*/ _decode($ZodRealError);
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const encodeAsync = /* @__PURE__*/ _encodeAsync($ZodRealError);
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decodeAsync = /* @__PURE__*/ _decodeAsync($ZodRealError);
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const safeEncode = /* @__PURE__*/ _safeEncode($ZodRealError);
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const safeDecode = /* @__PURE__*/ _safeDecode($ZodRealError);
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const safeEncodeAsync = /* @__PURE__*/ _safeEncodeAsync($ZodRealError);
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};
const safeDecodeAsync = /* @__PURE__*/ _safeDecodeAsync($ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/errors.js



/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const errors_initializer = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, core_util/* jsonStringifyReplacer */.k8, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, core_util/* jsonStringifyReplacer */.k8, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodError = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodError", errors_initializer)));
const ZodRealError = /*@__PURE__*/ core_core/* $constructor */.xI("ZodError", errors_initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/parse.js


const classic_parse_parse = /* @__PURE__ */ _parse(ZodRealError);
const classic_parse_parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const parse_safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const parse_safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);

// Codec functions
const parse_encode = /* @__PURE__ */ _encode(ZodRealError);
const parse_decode = /* @__PURE__ */ _decode(ZodRealError);
const parse_encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const parse_decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const parse_safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const parse_safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const parse_safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const parse_safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/schemas.js








// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!core_core/* globalConfig */.cr.localeError)
        core_core/* config */.$W(en());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!core_core/* globalConfig */.cr.memoizer)
        core_core/* config */.$W({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ core_core/* $constructor */.xI("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(core_util/* mergeDefs */.zM(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return core_util/* clone */.o8(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(_overwrite(fn));
    },
    optional() {
        return optional(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable(this);
    },
    nullish() {
        return optional(nullable(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array(this);
    },
    or(arg) {
        return union([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return schemas_default(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return schemas_catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return core_util/* hide */.jD(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        core_util/* own */.qh(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return classic_parse_parse(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await classic_parse_parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return parse_safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return parse_safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        core_util/* own */.qh(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return parse_validateAsync(this, data, params);
    },
    encode: function _encode(data, params) {
        return parse_encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return parse_decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await parse_encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await parse_decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return parse_safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return parse_safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return parse_safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return parse_safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ core_util/* derived */.un({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(_regex(...args));
    },
    includes(...args) {
        return this.check(_includes(...args));
    },
    startsWith(...args) {
        return this.check(_startsWith(...args));
    },
    endsWith(...args) {
        return this.check(_endsWith(...args));
    },
    min(...args) {
        return this.check(_minLength(...args));
    },
    max(...args) {
        return this.check(_maxLength(...args));
    },
    length(...args) {
        return this.check(_length(...args));
    },
    nonempty(...args) {
        return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
        return this.check(_lowercase(params));
    },
    uppercase(params) {
        return this.check(_uppercase(params));
    },
    trim() {
        return this.check(_trim());
    },
    normalize(...args) {
        return this.check(_normalize(...args));
    },
    toLowerCase() {
        return this.check(_toLowerCase());
    },
    toUpperCase() {
        return this.check(_toUpperCase());
    },
    slugify() {
        return this.check(_slugify());
    },
}));
const ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(_email(ZodEmail, params));
    },
    url(params) {
        return this.check(_url(ZodURL, params));
    },
    jwt(params) {
        return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
        return this.check(api_emoji(ZodEmoji, params));
    },
    guid(params) {
        return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
        return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
        return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
        return this.check(_isoDate(ZodISODate, params));
    },
    time(params) {
        return this.check(_isoTime(ZodISOTime, params));
    },
    duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
    },
});
function schemas_string(params) {
    return _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ core_core/* $constructor */.xI("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_email(params) {
    return core._email(ZodEmail, params);
}
const ZodGUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_guid(params) {
    return core._guid(ZodGUID, params);
}
const ZodUUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_uuid(params) {
    return core._uuid(ZodUUID, params);
}
function uuidv4(params) {
    return core._uuidv4(ZodUUID, params);
}
// ZodUUIDv6
function uuidv6(params) {
    return core._uuidv6(ZodUUID, params);
}
// ZodUUIDv7
function uuidv7(params) {
    return core._uuidv7(ZodUUID, params);
}
const ZodURL = /*@__PURE__*/ core_core/* $constructor */.xI("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function url(params) {
    return core._url(ZodURL, params);
}
function httpUrl(params) {
    return core._url(ZodURL, {
        protocol: regexes.httpProtocol,
        hostname: regexes.domain,
        ...util.normalizeParams(params),
    });
}
const ZodEmoji = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_emoji(params) {
    return core._emoji(ZodEmoji, params);
}
const ZodNanoID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_nanoid(params) {
    return core._nanoid(ZodNanoID, params);
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * Validates a CUID v1 string.
 *
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2 | `z.cuid2()`} instead.
 * See https://github.com/paralleldrive/cuid.
 */
function schemas_cuid(params) {
    return core._cuid(ZodCUID, params);
}
const ZodCUID2 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cuid2(params) {
    return core._cuid2(ZodCUID2, params);
}
const ZodULID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ulid(params) {
    return core._ulid(ZodULID, params);
}
const ZodXID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_xid(params) {
    return core._xid(ZodXID, params);
}
const ZodKSUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ksuid(params) {
    return core._ksuid(ZodKSUID, params);
}
const ZodIPv4 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ipv4(params) {
    return core._ipv4(ZodIPv4, params);
}
const ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMAC", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodMAC.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_mac(params) {
    return core._mac(ZodMAC, params);
}
const ZodIPv6 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ipv6(params) {
    return core._ipv6(ZodIPv6, params);
}
const ZodCIDRv4 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cidrv4(params) {
    return core._cidrv4(ZodCIDRv4, params);
}
const ZodCIDRv6 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cidrv6(params) {
    return core._cidrv6(ZodCIDRv6, params);
}
const ZodBase64 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_base64(params) {
    return core._base64(ZodBase64, params);
}
const ZodBase64URL = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_base64url(params) {
    return core._base64url(ZodBase64URL, params);
}
const ZodE164 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_e164(params) {
    return core._e164(ZodE164, params);
}
const ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCreditCard", (inst, def) => {
    core.$ZodCreditCard.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_creditCard(params) {
    return core._creditCard(ZodCreditCard, params);
}
const ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodIBAN", (inst, def) => {
    core.$ZodIBAN.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_iban(params) {
    return core._iban(ZodIBAN, params);
}
const ZodJWT = /*@__PURE__*/ core_core/* $constructor */.xI("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function jwt(params) {
    return core._jwt(ZodJWT, params);
}
const ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCustomStringFormat", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodCustomStringFormat.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function stringFormat(format, fnOrRegex, _params = {}) {
    return core._stringFormat(ZodCustomStringFormat, format, fnOrRegex, _params);
}
function schemas_hostname(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hostname", regexes.hostname, _params);
}
function schemas_hex(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hex", regexes.hex, _params);
}
function schemas_currencyCode(_params) {
    return core._stringFormat(ZodCustomStringFormat, "currency_code", regexes.currencyCode, _params);
}
function hash(alg, params) {
    const enc = params?.enc ?? "hex";
    const format = `${alg}_${enc}`;
    const regex = core.regexes[format];
    if (!regex)
        throw new Error(`Unrecognized hash format: ${format}`);
    return core._stringFormat(ZodCustomStringFormat, format, regex, params);
}
const ZodNumber = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    int(params) {
        return this.check(schemas_int(params));
    },
    safe(params) {
        return this.check(schemas_int(params));
    },
    positive(params) {
        return this.check(_gt(0, params));
    },
    nonnegative(params) {
        return this.check(_gte(0, params));
    },
    negative(params) {
        return this.check(_lt(0, params));
    },
    nonpositive(params) {
        return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
    step(value, params) {
        return this.check(_multipleOf(value, params));
    },
    finite() {
        return this;
    },
}));
function schemas_number(params) {
    return _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function schemas_int(params) {
    return _int(ZodNumberFormat, params);
}
function float32(params) {
    return core._float32(ZodNumberFormat, params);
}
function float64(params) {
    return core._float64(ZodNumberFormat, params);
}
function int32(params) {
    return core._int32(ZodNumberFormat, params);
}
function uint32(params) {
    return core._uint32(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodBoolean", (inst, def) => {
    core.$ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.booleanProcessor(inst, ctx, json, params);
})));
function schemas_boolean(params) {
    return core._boolean(ZodBoolean, params);
}
const ZodBigInt = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBigInt", (inst, def) => {
    $ZodBigInt.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => bigintProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minValue: (inst) => aggregateChecks(inst).minimum ?? null,
    maxValue: (inst) => aggregateChecks(inst).maximum ?? null,
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    positive(params) {
        return this.check(_gt(BigInt(0), params));
    },
    negative(params) {
        return this.check(_lt(BigInt(0), params));
    },
    nonpositive(params) {
        return this.check(_lte(BigInt(0), params));
    },
    nonnegative(params) {
        return this.check(_gte(BigInt(0), params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
}));
function schemas_bigint(params) {
    return core._bigint(ZodBigInt, params);
}
const ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodBigIntFormat", (inst, def) => {
    core.$ZodBigIntFormat.init(inst, def);
    ZodBigInt.init(inst, def);
})));
function int64(params) {
    return core._int64(ZodBigIntFormat, params);
}
function uint64(params) {
    return core._uint64(ZodBigIntFormat, params);
}
const ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSymbol", (inst, def) => {
    core.$ZodSymbol.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.symbolProcessor(inst, ctx, json, params);
})));
function symbol(params) {
    return core._symbol(ZodSymbol, params);
}
const ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodUndefined", (inst, def) => {
    core.$ZodUndefined.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.undefinedProcessor(inst, ctx, json, params);
})));
function schemas_undefined(params) {
    return core._undefined(ZodUndefined, params);
}

const ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNull", (inst, def) => {
    core.$ZodNull.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nullProcessor(inst, ctx, json, params);
})));
function schemas_null(params) {
    return core._null(ZodNull, params);
}

const ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodAny", (inst, def) => {
    core.$ZodAny.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.anyProcessor(inst, ctx, json, params);
})));
function any() {
    return core._any(ZodAny);
}
const ZodUnknown = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor(inst, ctx, json, params);
});
function unknown() {
    return _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
});
function never(params) {
    return _never(ZodNever, params);
}
const ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodVoid", (inst, def) => {
    core.$ZodVoid.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.voidProcessor(inst, ctx, json, params);
})));
function schemas_void(params) {
    return core._void(ZodVoid, params);
}

const ZodDate = /*@__PURE__*/ core_core/* $constructor */.xI("ZodDate", (inst, def) => {
    $ZodDate.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => dateProcessor(inst, ctx, json, params);
    inst.min = (value, params) => inst.check(_gte(value, params));
    inst.max = (value, params) => inst.check(_lte(value, params));
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minDate: (inst) => {
        const { minimum } = aggregateChecks(inst);
        return minimum ? new Date(minimum) : null;
    },
    maxDate: (inst) => {
        const { maximum } = aggregateChecks(inst);
        return maximum ? new Date(maximum) : null;
    },
}, {}));
function schemas_date(params) {
    return core._date(ZodDate, params);
}
const ZodArray = /*@__PURE__*/ core_core/* $constructor */.xI("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(_minLength(n, params));
    },
    nonempty(params) {
        return this.check(_minLength(1, params));
    },
    max(n, params) {
        return this.check(_maxLength(n, params));
    },
    length(n, params) {
        return this.check(_length(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array(element, params) {
    return _array(ZodArray, element, params);
}
// .keyof
function keyof(schema) {
    const shape = schema._zod.def.shape;
    return schemas_enum(Object.keys(shape));
}
const ZodObject = /*@__PURE__*/ core_core/* $constructor */.xI("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    core_util/* installLazyProp */.X(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return schemas_enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: unknown() }));
    },
    loose() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: unknown() }));
    },
    strict() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: never() }));
    },
    strip() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return core_util/* extend */.X$(this, incoming);
    },
    safeExtend(incoming) {
        return core_util/* safeExtend */.W0(this, incoming);
    },
    merge(other) {
        return core_util/* merge */.h1(this, other);
    },
    pick(mask) {
        return core_util/* pick */.Up(this, mask);
    },
    omit(mask) {
        return core_util/* omit */.cJ(this, mask);
    },
    partial(...args) {
        return core_util/* partial */.OH(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return core_util/* partial */.OH(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return core_util/* required */.mw(ZodNonOptional, this, args[0]);
    },
});
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...core_util/* normalizeParams */.A2(params),
    };
    return new ZodObject(def);
}
// strictObject
function strictObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: never(),
        ...util.normalizeParams(params),
    });
}
// looseObject
function looseObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodUnion = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodXor", (inst, def) => {
    ZodUnion.init(inst, def);
    core.$ZodXor.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
})));
/** Creates an exclusive union (XOR) where exactly one option must match.
 * Unlike regular unions that succeed when any option matches, xor fails if
 * zero or more than one option matches the input. */
function xor(options, params) {
    return new ZodXor({
        type: "union",
        options: options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
const ZodDiscriminatedUnion = /*@__PURE__*/ core_core/* $constructor */.xI("ZodDiscriminatedUnion", (inst, def) => {
    ZodUnion.init(inst, def);
    $ZodDiscriminatedUnion.init(inst, def);
});
function discriminatedUnion(discriminator, options, params) {
    // const [options, params] = args;
    return new ZodDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodIntersection = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodTuple = /*@__PURE__*/ core_core/* $constructor */.xI("ZodTuple", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTuple.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => tupleProcessor(inst, ctx, json, params);
}, {
    rest(rest) {
        return this.clone({
            ...this._zod.def,
            rest: rest,
        });
    },
    partial() {
        const def = this._zod.def;
        // a refinement was authored against the full arity; partialing would run it on a shorter array
        if (def.checks?.length)
            throw new Error(".partial() cannot be used on tuple schemas containing refinements");
        return this.clone({
            ...def,
            items: def.items.map((item) => new ZodOptional({ type: "optional", innerType: item })),
        });
    },
});
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof core.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodTuple({
        type: "tuple",
        items: items,
        rest,
        ...util.normalizeParams(params),
    });
}
const ZodRecord = /*@__PURE__*/ core_core/* $constructor */.xI("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodRecord({
            type: "record",
            keyType: schemas_string(),
            valueType: keyType,
            ...core_util/* normalizeParams */.A2(valueType),
        });
    }
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// type alksjf = core.output<core.$ZodRecordKey>;
function partialRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
        partial: true,
    });
}
function looseRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        mode: "loose",
        ...util.normalizeParams(params),
    });
}
const ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMap", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodMap.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.mapProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function map(keyType, valueType, params) {
    return new ZodMap({
        type: "map",
        keyType: keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSet", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodSet.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.setProcessor(inst, ctx, json, params);
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function set(valueType, params) {
    return new ZodSet({
        type: "set",
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodEnum = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...core_util/* normalizeParams */.A2(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...core_util/* normalizeParams */.A2(params),
            entries: newEntries,
        });
    };
});
function schemas_enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...core_util/* normalizeParams */.A2(params),
    });
}

/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function nativeEnum(entries, params) {
    return new ZodEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ core_core/* $constructor */.xI("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
});
function literal(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFile", (inst, def) => {
    core.$ZodFile.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.fileProcessor(inst, ctx, json, params);
    inst.min = (size, params) => inst.check(core._minSize(size, params));
    inst.max = (size, params) => inst.check(core._maxSize(size, params));
    inst.mime = (types, params) => inst.check(core._mime(Array.isArray(types) ? types : [types], params));
})));
function file(params) {
    return core._file(ZodFile, params);
}
const ZodTransform = /*@__PURE__*/ core_core/* $constructor */.xI("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new core_core/* $ZodEncodeError */.cV(inst.constructor.name);
        }
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(core_util/* issue */.sn(issue, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(core_util/* issue */.sn(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
// nullish
function nullish(innerType) {
    return optional(nullable(innerType));
}
const ZodDefault = /*@__PURE__*/ core_core/* $constructor */.xI("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function schemas_default(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : core_util/* shallowClone */.yG(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ core_core/* $constructor */.xI("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : core_util/* shallowClone */.yG(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSuccess", (inst, def) => {
    core.$ZodSuccess.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.successProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function success(innerType) {
    return new ZodSuccess({
        type: "success",
        innerType: innerType,
    });
}
const ZodCatch = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function schemas_catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : core_util/* constantCatch */.SS(catchValue)),
    });
}

const ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNaN", (inst, def) => {
    core.$ZodNaN.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nanProcessor(inst, ctx, json, params);
})));
function nan(params) {
    return core._nan(ZodNaN, params);
}
const ZodPipe = /*@__PURE__*/ core_core/* $constructor */.xI("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCodec", (inst, def) => {
    ZodPipe.init(inst, def);
    core.$ZodCodec.init(inst, def);
})));
function codec(in_, out, params) {
    return new ZodCodec({
        type: "pipe",
        in: in_,
        out: out,
        transform: params.decode,
        reverseTransform: params.encode,
    });
}
function invertCodec(codec) {
    const def = codec._zod.def;
    return new ZodCodec({
        type: "pipe",
        in: def.out,
        out: def.in,
        transform: def.reverseTransform,
        reverseTransform: def.transform,
    });
}
const ZodPreprocess = /*@__PURE__*/ core_core/* $constructor */.xI("ZodPreprocess", (inst, def) => {
    ZodPipe.init(inst, def);
    $ZodPreprocess.init(inst, def);
});
const ZodReadonly = /*@__PURE__*/ core_core/* $constructor */.xI("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodTemplateLiteral", (inst, def) => {
    core.$ZodTemplateLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.templateLiteralProcessor(inst, ctx, json, params);
})));
function templateLiteral(parts, params) {
    return new ZodTemplateLiteral({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
const ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodLazy", (inst, def) => {
    core.$ZodLazy.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.lazyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.getter();
})));
function lazy(getter) {
    return new ZodLazy({
        type: "lazy",
        getter: getter,
    });
}
const ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodPromise", (inst, def) => {
    core.$ZodPromise.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.promiseProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function promise(innerType) {
    return new ZodPromise({
        type: "promise",
        innerType: innerType,
    });
}
const ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFunction", (inst, def) => {
    core.$ZodFunction.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.functionProcessor(inst, ctx, json, params);
})));
function _function(params) {
    return new ZodFunction({
        type: "function",
        input: Array.isArray(params?.input) ? tuple(params?.input) : (params?.input ?? array(unknown())),
        output: params?.output ?? unknown(),
    });
}

const ZodCustom = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
// custom checks
function check(fn) {
    const ch = new core.$ZodCheck({
        check: "custom",
        // ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
function custom(fn, _params) {
    return core._custom(ZodCustom, fn ?? (() => true), _params);
}
function refine(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return _superRefine(fn, params);
}
// Re-export describe and meta from core
const schemas_describe = describe;
const schemas_meta = meta;
const ZodInstanceOf = /*@__PURE__*/ core_core/* $constructor */.xI("ZodInstanceOf", (inst, def) => {
    ZodCustom.init(inst, def);
}, {
    properties(shape, params) {
        // asserts in place, so the narrowed output type is truthful without a wrapper
        return this.check(_properties(shape, params));
    },
});
function _instanceof(cls, params = {}) {
    const inst = new ZodInstanceOf({
        type: "custom",
        check: "custom",
        fn: (data) => data instanceof cls,
        abort: true,
        ...util.normalizeParams(params),
    });
    inst._zod.bag.Class = cls;
    // Override check to emit invalid_type instead of custom
    inst._zod.check = (payload) => {
        if (!(payload.value instanceof cls)) {
            payload.issues.push({
                code: "invalid_type",
                expected: cls.name,
                input: payload.value,
                inst,
                path: [...(inst._zod.def.path ?? [])],
            });
        }
    };
    return inst;
}

// stringbool
const stringbool = (...args) => core._stringbool({
    Codec: ZodCodec,
    Boolean: ZodBoolean,
    String: ZodString,
}, ...args);
function json(params) {
    const jsonSchema = lazy(() => {
        return union([schemas_string(params), schemas_number(), schemas_boolean(), schemas_null(), array(jsonSchema), record(schemas_string(), jsonSchema)]);
    });
    return jsonSchema;
}
// preprocess
function preprocess(fn, schema) {
    return new ZodPreprocess({
        type: "pipe",
        in: transform(fn),
        out: schema,
    });
}


/***/ }),

/***/ 532:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ config),
/* harmony export */   GT: () => (/* binding */ $ZodAsyncError),
/* harmony export */   cV: () => (/* binding */ $ZodEncodeError),
/* harmony export */   cr: () => (/* binding */ globalConfig),
/* harmony export */   tm: () => (/* binding */ NEVER),
/* harmony export */   xI: () => (/* binding */ $constructor)
/* harmony export */ });
/* unused harmony export $brand */
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(723);
var _a;

/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .members */ .ol)(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
//////////////////////////////   UTILITIES   ///////////////////////////////////////
const $brand = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("zod_brand")));
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}


/***/ }),

/***/ 723:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ normalizeParams),
/* harmony export */   B7: () => (/* binding */ stringifyPrimitive),
/* harmony export */   GW: () => (/* binding */ parsedType),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   LG: () => (/* binding */ floatSafeRemainder),
/* harmony export */   MO: () => (/* binding */ rawShape),
/* harmony export */   NM: () => (/* binding */ optionalKeys),
/* harmony export */   NR: () => (/* binding */ BIGINT_FORMAT_RANGES),
/* harmony export */   O7: () => (/* binding */ codePointLength),
/* harmony export */   OH: () => (/* binding */ partial),
/* harmony export */   PO: () => (/* binding */ cached),
/* harmony export */   QH: () => (/* binding */ aborted),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   Rc: () => (/* binding */ getLengthableOrigin),
/* harmony export */   SS: () => (/* binding */ constantCatch),
/* harmony export */   UQ: () => (/* binding */ esc),
/* harmony export */   Up: () => (/* binding */ pick),
/* harmony export */   Vy: () => (/* binding */ assignProp),
/* harmony export */   W0: () => (/* binding */ safeExtend),
/* harmony export */   X: () => (/* binding */ installLazyProp),
/* harmony export */   X$: () => (/* binding */ extend),
/* harmony export */   Yv: () => (/* binding */ slugify),
/* harmony export */   cJ: () => (/* binding */ omit),
/* harmony export */   cl: () => (/* binding */ nullish),
/* harmony export */   d3: () => (/* binding */ attachSchema),
/* harmony export */   gx: () => (/* binding */ captureStackTrace),
/* harmony export */   h1: () => (/* binding */ merge),
/* harmony export */   hI: () => (/* binding */ allowsEval),
/* harmony export */   hi: () => (/* binding */ sizeCaps),
/* harmony export */   iR: () => (/* binding */ finalizeIssue),
/* harmony export */   jD: () => (/* binding */ hide),
/* harmony export */   jw: () => (/* binding */ joinValues),
/* harmony export */   k8: () => (/* binding */ jsonStringifyReplacer),
/* harmony export */   lQ: () => (/* binding */ prefixIssues),
/* harmony export */   mw: () => (/* binding */ required),
/* harmony export */   o8: () => (/* binding */ clone),
/* harmony export */   ol: () => (/* binding */ members),
/* harmony export */   p6: () => (/* binding */ cleanRegex),
/* harmony export */   qQ: () => (/* binding */ propertyKeyTypes),
/* harmony export */   qh: () => (/* binding */ own),
/* harmony export */   rL: () => (/* binding */ explicitlyAborted),
/* harmony export */   sD: () => (/* binding */ escapeRegex),
/* harmony export */   sn: () => (/* binding */ issue),
/* harmony export */   un: () => (/* binding */ derived),
/* harmony export */   v5: () => (/* binding */ defineLazyInternal),
/* harmony export */   w5: () => (/* binding */ getEnumValues),
/* harmony export */   yG: () => (/* binding */ shallowClone),
/* harmony export */   zH: () => (/* binding */ NUMBER_FORMAT_RANGES),
/* harmony export */   zM: () => (/* binding */ mergeDefs)
/* harmony export */ });
/* unused harmony exports assertEqual, assertNotEqual, toZod, assertIs, assertNever, assert, defineLazy, objectClone, cloneDef, getElementAtPath, promiseAllObject, randomString, numKeys, getParsedType, primitiveTypes, createTransparentProxy, unwrapMessage, getSizableOrigin, cleanEnum, base64ToUint8Array, uint8ArrayToBase64, base64urlToUint8Array, uint8ArrayToBase64url, hexToUint8Array, uint8ArrayToHex, Class, CONSTANT_CATCH */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(532);

// functions
function assertEqual(val) {
    return val;
}
function assertNotEqual(val) {
    return val;
}
function toZod() {
    return (schema) => schema;
}
function assertIs(_arg) { }
function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
}
function assert(_) { }
function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
const EVALUATING = /* @__PURE__*/ (/* unused pure expression or super */ null && (Symbol("evaluating")));
function defineLazy(object, key, getter) {
    let value = undefined;
    Object.defineProperty(object, key, {
        get() {
            if (value === EVALUATING) {
                // Circular reference detected, return undefined to break the cycle
                return undefined;
            }
            if (value === undefined) {
                value = EVALUATING;
                value = getter();
            }
            return value;
        },
        set(v) {
            Object.defineProperty(object, key, {
                value: v,
                // configurable: true,
            });
            // object[key] = v;
        },
        configurable: true,
    });
}
function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
    if (!path)
        return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
        const resolvedObj = {};
        for (let i = 0; i < keys.length; i++) {
            resolvedObj[keys[i]] = results[i];
        }
        return resolvedObj;
    });
}
function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i = 0; i < length; i++) {
        str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (_core_js__WEBPACK_IMPORTED_MODULE_0__/* .globalConfig */ .cr.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key)) {
            keyCount++;
        }
    }
    return keyCount;
}
const getParsedType = (data) => {
    const t = typeof data;
    switch (t) {
        case "undefined":
            return "undefined";
        case "string":
            return "string";
        case "number":
            return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
            return "boolean";
        case "function":
            return "function";
        case "bigint":
            return "bigint";
        case "symbol":
            return "symbol";
        case "object":
            if (Array.isArray(data)) {
                return "array";
            }
            if (data === null) {
                return "null";
            }
            if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
                return "promise";
            }
            if (typeof Map !== "undefined" && data instanceof Map) {
                return "map";
            }
            if (typeof Set !== "undefined" && data instanceof Set) {
                return "set";
            }
            if (typeof Date !== "undefined" && data instanceof Date) {
                return "date";
            }
            // @ts-ignore
            if (typeof File !== "undefined" && data instanceof File) {
                return "file";
            }
            return "object";
        default:
            throw new Error(`Unknown data type: ${t}`);
    }
};
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
const primitiveTypes = /* @__PURE__*/ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined",
]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
        get(_, prop, receiver) {
            target ?? (target = getter());
            return Reflect.get(target, prop, receiver);
        },
        set(_, prop, value, receiver) {
            target ?? (target = getter());
            return Reflect.set(target, prop, value, receiver);
        },
        has(_, prop) {
            target ?? (target = getter());
            return Reflect.has(target, prop);
        },
        deleteProperty(_, prop) {
            target ?? (target = getter());
            return Reflect.deleteProperty(target, prop);
        },
        ownKeys(_) {
            target ?? (target = getter());
            return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(_, prop) {
            target ?? (target = getter());
            return Reflect.getOwnPropertyDescriptor(target, prop);
        },
        defineProperty(_, prop, descriptor) {
            target ?? (target = getter());
            return Reflect.defineProperty(target, prop, descriptor);
        },
    });
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// Wrapped in a `@__PURE__` IIFE: esbuild never tree-shakes a top-level initializer that contains a member access on `Number`, so the bare object literal survived into every bundle.
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-3.4028234663852886e38, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
function getSizableOrigin(input) {
    if (input instanceof Set)
        return "set";
    if (input instanceof Map)
        return "map";
    // @ts-ignore
    if (input instanceof File)
        return "file";
    return "unknown";
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
function cleanEnum(obj) {
    return Object.entries(obj)
        .filter(([k, _]) => {
        // return true if NaN, meaning it's not a number, thus a string key
        return Number.isNaN(Number.parseInt(k, 10));
    })
        .map((el) => el[1]);
}
// Codec utility functions
function base64ToUint8Array(base64) {
    const binaryString = atob(base64);
    const bytes = new Uint8Array(binaryString.length);
    for (let i = 0; i < binaryString.length; i++) {
        bytes[i] = binaryString.charCodeAt(i);
    }
    return bytes;
}
function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i = 0; i < bytes.length; i++) {
        binaryString += String.fromCharCode(bytes[i]);
    }
    return btoa(binaryString);
}
function base64urlToUint8Array(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - (base64.length % 4)) % 4);
    return base64ToUint8Array(base64 + padding);
}
function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
        throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i = 0; i < cleanHex.length; i += 2) {
        bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
    }
    return bytes;
}
function uint8ArrayToHex(bytes) {
    return Array.from(bytes)
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
}
// instanceof
class Class {
    constructor(..._args) { }
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

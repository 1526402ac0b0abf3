/** Stack files from the workshop labs (labs/03-functions), for the tests of this module. */

/** What every lab stack file starts with: the sandbox's gateway, then its functions. */
const header = `version: 1.0
provider:
  name: openfaas
  gateway: http://gateway:8080
functions:
`;

/** Lab 3, "Hello OpenFaaS": what `faas-cli new --lang python3 hello-openfaas` writes. */
export const helloOpenfaas = `${header}  hello-openfaas:
    lang: python3
    handler: ./hello-openfaas
    image: hello-openfaas:latest
`;

/** Lab 3, "Logs and debugging": astronaut-finder with write_debug turned on. */
export const astronautFinder = `${header}  astronaut-finder:
    lang: python3
    handler: ./astronaut-finder
    image: astronaut-finder:latest
    environment:
      write_debug: true
`;

/** Lab 3, "Variables in the stack file": the image name takes DOCKER_USER, with a default. */
export const astronautFinderWithVariable = astronautFinder.replace(
  'image: astronaut-finder:latest',
  'image: ${DOCKER_USER:-development}/astronaut-finder',
);

/** Lab 3, "Many functions, one stack". */
export const twoFunctions = `${header}  first:
    lang: python3
    handler: ./first
    image: first:latest
  second:
    lang: python3
    handler: ./second
    image: second:latest
`;

/** Lab 3, "Any program as a function": the dockerfile template running sort. */
export const sorter = `${header}  sorter:
    lang: dockerfile
    handler: ./sorter
    image: sorter:latest
    fprocess: sort
`;
